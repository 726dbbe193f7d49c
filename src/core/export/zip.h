// zip.h — a minimal ZIP container for the DOCX and ODT writers: stored (uncompressed) entries, CRC-32,
// a fixed timestamp, entries in the given order, so the same parts always give the same bytes. The tests read
// the archives back with tests/support/zip_read.h.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clausier {

struct ZipEntry {
    std::string name;
    std::string data;
};

uint32_t crc32(std::string_view data);   // the ZIP (and gzip) CRC-32 of the bytes
std::string zip_store(const std::vector<ZipEntry>& entries);
// The ZIP record signatures (APPNOTE 4.3.7, 4.3.12, 4.3.16).
constexpr uint32_t kZipLocalSig = 0x04034b50, kZipCentralSig = 0x02014b50, kZipEndSig = 0x06054b50;

}  // namespace clausier
