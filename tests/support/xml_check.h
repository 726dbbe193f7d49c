// xml_check.h — whether a part of an exported DOCX or ODT file is well-formed XML, by a conforming parser:
// libxml2 (Debian's libxml2-dev, the parser behind xmllint) in the native and sanitizer builds. Duplicate
// attributes, undefined entities, control characters, a second root or "]]>" in text are all errors there, as
// in Word and LibreOffice. The wasm build of the tests has no XML parser (kXmlParser is false) and skips the
// check: the writers are the same code natively.
#pragma once
#include <string>
#include <string_view>

namespace test_support {

#ifdef CLAUSIER_XML_PARSER
constexpr bool kXmlParser = true;
#else
constexpr bool kXmlParser = false;
#endif

// True when `doc` is one well-formed XML document without a DTD (exported files never need one); otherwise
// false with the parser's message and line in `error`. Always false when !kXmlParser.
bool xml_well_formed(std::string_view doc, std::string& error);

}  // namespace test_support
