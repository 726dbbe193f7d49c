// zip.h — a minimal ZIP container for the DOCX and ODT writers: stored (uncompressed) entries, CRC-32,
// a fixed timestamp, entries in the given order, so the same parts always give the same bytes. Reading
// back (through the central directory) is there for tests and checks.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clausier {

struct ZipEntry {
    std::string name;
    std::string data;
    int method = 0;            // when read: 0 = stored, 8 = deflate (data then left empty)
    uint32_t offset = 0;       // when read: offset of the local header
};

uint32_t crc32(std::string_view data);
std::string zip_store(const std::vector<ZipEntry>& entries);
// Lists the archive through its central directory and loads stored entries, checking local headers and
// CRCs. On failure, `error` says what is wrong (French).
bool zip_read(std::string_view archive, std::vector<ZipEntry>& out, std::string& error);

}  // namespace clausier
