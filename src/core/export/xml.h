// xml.h — the little XML the exporters need: escaping any text safely. The tests check what the writers produce
// with a real XML parser (tests/support/xml_check.h).
#pragma once
#include <string>
#include <string_view>

namespace clausier {

// Text or attribute content: cleaned of characters XML forbids (see clean_text), then & < > " ' escaped.
std::string xml_escape(std::string_view s);

}  // namespace clausier
