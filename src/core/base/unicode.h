// unicode.h — Unicode normalisation of text entering the core. The same « é » can arrive as one code point
// (U+00E9, what keyboards send) or as « e » followed by a combining acute accent (U+0301, what many PDFs
// and some Mac applications give on copy): NFC turns the second into the first, so that comparing,
// searching, checking and drawing text treat both alike. The core calls nfc() where text comes in (a
// project file, a clause pack, the CLI's arguments); the app's typing and paste path calls it too.
//
// One implementation per build, outside this header: unicode_utf8proc.cpp natively (Debian's utf8proc),
// src/wasm/unicode_js.cpp in the browser and Node builds (the JavaScript engine's own
// String.prototype.normalize, which carries the Unicode tables already: the page stays small).
#pragma once
#include <string>
#include <string_view>

namespace clausier {

// `s` in Unicode Normalization Form C (canonical composition, UAX #15). Invalid UTF-8 sequences become
// U+FFFD first; NUL bytes are kept. ASCII text comes back unchanged without any work.
std::string nfc(std::string_view s);
// True when `s` is well-formed UTF-8 made only of code points that are NFC whatever surrounds them (no
// combining mark, no character that normalisation changes or composes with what precedes it): nfc(s) == s,
// and a caller may keep `s` instead of a copy.
bool plainly_nfc(std::string_view s);

namespace detail {
// The build's normaliser, given valid UTF-8 that is not pure ASCII (nfc() handles the rest).
std::string nfc_of_valid_utf8(std::string_view s);
}  // namespace detail

}  // namespace clausier
