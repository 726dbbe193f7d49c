#include "export/zip.h"
#include <array>

namespace clausier {

namespace {

// 1980-01-01 00:00:00, the first instant MS-DOS time can hold: any fixed value makes the bytes reproducible.
constexpr uint16_t kDosTime = 0;
constexpr uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;

void put16(std::string& s, uint16_t v) { s += char(v & 0xFF); s += char(v >> 8); }
void put32(std::string& s, uint32_t v) { put16(s, uint16_t(v & 0xFFFF)); put16(s, uint16_t(v >> 16)); }

const std::array<uint32_t, 256>& crc_table() {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t n = 0; n < 256; ++n) {
            uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    return table;
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
    const std::array<uint32_t, 256>& table = crc_table();
    uint32_t c = 0xFFFFFFFFu;
    for (char ch : data) c = table[(c ^ (unsigned char)ch) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::string zip_store(const std::vector<ZipEntry>& entries) {
    std::string out, central;
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
