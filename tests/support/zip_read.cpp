#include "support/zip_read.h"

namespace test_support {

using namespace clausier;

namespace {
uint16_t get16(std::string_view s, size_t at) { return uint16_t((unsigned char)s[at] | ((unsigned char)s[at + 1] << 8)); }
uint32_t get32(std::string_view s, size_t at) { return get16(s, at) | (uint32_t(get16(s, at + 2)) << 16); }
}  // namespace

bool zip_read(std::string_view z, std::vector<ZipPart>& out, std::string& error) {
    out.clear();
    if (z.size() < 22) { error = "Archive ZIP trop courte."; return false; }
    size_t end = z.size() - 22;   // no archive comment is expected; look back a little in case there is one
    while (end > 0 && get32(z, end) != kZipEndSig && z.size() - end < 22 + 65535) --end;
    if (get32(z, end) != kZipEndSig) { error = "Fin de répertoire central introuvable."; return false; }
    const uint16_t count = get16(z, end + 10);
    size_t at = get32(z, end + 16);
    for (uint16_t k = 0; k < count; ++k) {
        if (at + 46 > z.size() || get32(z, at) != kZipCentralSig) { error = "Répertoire central corrompu."; return false; }
        ZipPart e;
        e.method = get16(z, at + 10);
        const uint32_t crc = get32(z, at + 16), csize = get32(z, at + 20), usize = get32(z, at + 24);
        const uint16_t nlen = get16(z, at + 28), xlen = get16(z, at + 30), clen = get16(z, at + 32);
        e.offset = get32(z, at + 42);
        if (at + 46 + nlen > z.size()) { error = "Nom d'entrée tronqué."; return false; }
        e.name.assign(z.substr(at + 46, nlen));
        at += 46 + nlen + xlen + clen;

        const size_t lh = e.offset;
        if (lh + 30 > z.size() || get32(z, lh) != kZipLocalSig) { error = "En-tête local absent pour " + e.name + "."; return false; }
        const size_t data_at = lh + 30 + get16(z, lh + 26) + get16(z, lh + 28);
        if (data_at + csize > z.size()) { error = "Données tronquées pour " + e.name + "."; return false; }
        if (e.method == 0) {
            if (csize != usize) { error = "Tailles incohérentes pour " + e.name + "."; return false; }
            e.data.assign(z.substr(data_at, csize));
            if (crc32(e.data) != crc) { error = "CRC-32 faux pour " + e.name + "."; return false; }
        }
        out.push_back(std::move(e));
    }
    return true;
}

}  // namespace test_support
