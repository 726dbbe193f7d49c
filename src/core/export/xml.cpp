#include "export/xml.h"
#include "document/document.h"

namespace clausier {

std::string xml_escape(std::string_view s) {
    const std::string clean = clean_text(s);
    const std::string_view v = clean;
    size_t special = v.find_first_of("&<>\"'");
    if (special == std::string_view::npos) return clean;   // most texts: nothing to escape, no second copy
    std::string out;
    out.reserve(clean.size() + clean.size() / 8);
    size_t from = 0;
    for (; special != std::string_view::npos; special = v.find_first_of("&<>\"'", from)) {
        out.append(v, from, special - from);   // the text up to the character, copied as one piece
        switch (v[special]) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += "&apos;"; break;
        }
        from = special + 1;
    }
    out.append(v, from, std::string_view::npos);
    return out;
}

}  // namespace clausier
