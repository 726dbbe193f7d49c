// Placeholder until the writers land (owned by the export work).
#include "export.h"
namespace clausier {
bool parse_format(std::string_view s, Format& out) {
    const std::pair<const char*, Format> m[] = {{"html", Format::html}, {"md", Format::md}, {"docx", Format::docx},
                                                {"odt", Format::odt}, {"json", Format::json}, {"ocds", Format::ocds}};
    for (auto& [n, f] : m) if (s == n) { out = f; return true; }
    return false;
}
bool parse_document_kind(std::string_view s, DocumentKind& out) {
    if (s == "dce") out = DocumentKind::dce; else if (s == "entreprise") out = DocumentKind::entreprise;
    else if (s == "synthese") out = DocumentKind::synthese; else return false;
    return true;
}
const char* format_extension(Format f) {
    switch (f) { case Format::html: return "html"; case Format::md: return "md"; case Format::docx: return "docx";
                 case Format::odt: return "odt"; default: return "json"; }
}
const char* format_mime(Format) { return "application/octet-stream"; }
std::string export_project(const Project& p, Format, DocumentKind, const Library&) { return project_to_text(p); }
std::string export_file_name(const Project&, Format f, DocumentKind) { return std::string("projet.") + format_extension(f); }
}  // namespace clausier
