// The browser and Node normaliser: the JavaScript engine's own String.prototype.normalize('NFC'), reached
// through EM_JS. It carries the Unicode tables already, where compiling utf8proc into the page would add
// them to every download (see README, Dependencies). Linked into every WebAssembly build of the core (the
// app and the wasm core tests); native builds use src/core/base/unicode_utf8proc.cpp.
#include "base/unicode.h"
#include <emscripten.h>
#include <vector>

// Normalises the UTF-8 bytes [src, src + src_len) into [dst, dst + dst_cap); returns the bytes written, or
// -1 when `dst` is too small (nothing useful written). TextDecoder and TextEncoder work on byte ranges, so
// NUL bytes pass through. (The names avoid JavaScript keywords such as `in`.)
EM_JS(int, clausier_nfc_js, (const char* src, int src_len, char* dst, int dst_cap), {
    const text = new TextDecoder().decode(HEAPU8.subarray(src, src + src_len)).normalize('NFC');
    const done = new TextEncoder().encodeInto(text, HEAPU8.subarray(dst, dst + dst_cap));
    return done.read < text.length ? -1 : done.written;
});

namespace clausier::detail {

std::string nfc_of_valid_utf8(std::string_view s) {
    // NFC grows UTF-8 text by at most three times (UAX #15, « Stabilized Strings »); the loop is a safety net.
    for (size_t cap = s.size() * 3 + 16; cap < (s.size() + 16) * 64; cap *= 2) {
        std::vector<char> out(cap);
        const int n = clausier_nfc_js(s.data(), int(s.size()), out.data(), int(cap));
        if (n >= 0) return std::string(out.data(), size_t(n));
    }
    return std::string(s);
}

}  // namespace clausier::detail
