// The native normaliser: Debian's utf8proc (libutf8proc-dev), the library Julia and PostgreSQL's tooling
// use. The browser builds use src/wasm/unicode_js.cpp instead (see unicode.h).
#include "base/unicode.h"
#include <cstdlib>
#include <utf8proc.h>

namespace clausier::detail {

std::string nfc_of_valid_utf8(std::string_view s) {
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                            static_cast<utf8proc_ssize_t>(s.size()), &out,
                                            static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n < 0) return std::string(s);   // only on allocation failure: the input is valid UTF-8
    std::string result(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
    std::free(out);
    return result;
}

}  // namespace clausier::detail
