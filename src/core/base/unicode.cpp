#include "base/unicode.h"
#include "base/text.h"

namespace clausier {

namespace {

// Invalid sequences replaced by U+FFFD, NUL kept (sanitize_utf8 replaces NUL too: it is for XML).
std::string valid_keeping_nul(std::string_view s) {
    std::string out;
    size_t start = 0;
    for (size_t nul = s.find('\0'); ; nul = s.find('\0', start)) {
        out += sanitize_utf8(s.substr(start, nul == std::string_view::npos ? std::string_view::npos : nul - start));
        if (nul == std::string_view::npos) return out;
        out += '\0';
        start = nul + 1;
    }
}

}  // namespace

std::string nfc(std::string_view s) {
    bool ascii = true;
    for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) return std::string(s);
    return valid_utf8(s) ? detail::nfc_of_valid_utf8(s) : detail::nfc_of_valid_utf8(valid_keeping_nul(s));
}

}  // namespace clausier
