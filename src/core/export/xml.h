// xml.h — the little XML the exporters need: escaping any text safely, and a strict well-formedness check
// (used by the tests on every part of a DOCX or ODT file, and handy for debugging a writer).
#pragma once
#include <string>
#include <string_view>

namespace clausier {

// Text or attribute content: cleaned of characters XML forbids (see clean_text), then & < > " ' escaped.
std::string xml_escape(std::string_view s);

// Checks that `doc` is one well-formed XML document: an optional declaration, one root element, tags that
// nest and close in order, quoted attributes without duplicates, known or numeric entity references,
// comments and CDATA sections. No DTD is accepted (exported files never need one). On failure, `error`
// says what and at which byte.
bool xml_well_formed(std::string_view doc, std::string& error);

}  // namespace clausier
