#include "export/zip.h"
#include <array>

namespace clausier {

namespace {

// 1980-01-01 00:00:00, the first instant MS-DOS time can hold: any fixed value makes the bytes reproducible.
constexpr uint16_t kDosTime = 0;
constexpr uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;

void put16(std::string& s, uint16_t v) { s += char(v & 0xFF); s += char(v >> 8); }
void put32(std::string& s, uint32_t v) { put16(s, uint16_t(v & 0xFFFF)); put16(s, uint16_t(v >> 16)); }

// Slicing-by-4 tables: t[0] is the classic byte table, t[k][n] the CRC of byte n followed by k zero bytes, so
// that four bytes are folded in per step (a 0.9 MB DOCX is CRC-ed byte by byte in a few ms in wasm otherwise).
using CrcTables = std::array<std::array<uint32_t, 256>, 4>;
const CrcTables& crc_tables() {
    static const CrcTables tables = [] {
        CrcTables t{};
        for (uint32_t n = 0; n < 256; ++n) {
            uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[0][n] = c;
        }
        for (uint32_t n = 0; n < 256; ++n)
            for (size_t k = 1; k < 4; ++k) t[k][n] = t[0][t[k - 1][n] & 0xFF] ^ (t[k - 1][n] >> 8);
        return t;
    }();
    return tables;
}

// The fields shared by the local header and the central directory record, from "version needed" on.
void common_header(std::string& s, const ZipEntry& e, uint32_t crc) {
    put16(s, 10);            // version needed: 1.0 (stored)
    put16(s, 0x0800);        // flags: names are UTF-8
    put16(s, 0);             // method: stored
    put16(s, kDosTime);
    put16(s, kDosDate);
    put32(s, crc);
    put32(s, uint32_t(e.data.size()));
    put32(s, uint32_t(e.data.size()));
    put16(s, uint16_t(e.name.size()));
    put16(s, 0);             // extra field length
}

}  // namespace

uint32_t crc32(std::string_view data) {
    const CrcTables& t = crc_tables();
    uint32_t c = 0xFFFFFFFFu;
    const auto byte = [&](size_t i) { return uint32_t(static_cast<unsigned char>(data[i])); };
    size_t i = 0;
    for (; i + 4 <= data.size(); i += 4) {
        c ^= byte(i) | byte(i + 1) << 8 | byte(i + 2) << 16 | byte(i + 3) << 24;
        c = t[3][c & 0xFF] ^ t[2][(c >> 8) & 0xFF] ^ t[1][(c >> 16) & 0xFF] ^ t[0][c >> 24];
    }
    for (; i < data.size(); ++i) c = t[0][(c ^ byte(i)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::string zip_store(const std::vector<ZipEntry>& entries) {
    // Sizes known in advance: the archive is written into one buffer, never moved while it grows.
    size_t data_size = 0, names = 0;
    for (const ZipEntry& e : entries) {
        data_size += e.data.size();
        names += e.name.size();
    }
    std::string out, central;
    central.reserve(46 * entries.size() + names);
    out.reserve(30 * entries.size() + names + data_size + central.capacity() + 22);
    for (const ZipEntry& e : entries) {
        const uint32_t crc = crc32(e.data), offset = uint32_t(out.size());
        put32(out, kZipLocalSig);
        common_header(out, e, crc);
        out += e.name;
        out += e.data;

        put32(central, kZipCentralSig);
        put16(central, 20);  // made by: MS-DOS attributes, spec 2.0
        common_header(central, e, crc);
        put16(central, 0);   // comment length
        put16(central, 0);   // disk number
        put16(central, 0);   // internal attributes
        put32(central, 0);   // external attributes
        put32(central, offset);
        central += e.name;
    }
    const uint32_t central_offset = uint32_t(out.size());
    out += central;
    put32(out, kZipEndSig);
    put16(out, 0);
    put16(out, 0);
    put16(out, uint16_t(entries.size()));
    put16(out, uint16_t(entries.size()));
    put32(out, uint32_t(central.size()));
    put32(out, central_offset);
    put16(out, 0);           // comment length
    return out;
}

}  // namespace clausier
