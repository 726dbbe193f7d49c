#include "export/export.h"
#include "export/writers.h"
#include "document/assemble.h"

namespace clausier {

namespace {

const EnumEntry<Format> kFormatNames[] = {
    {Format::html, "html", "HTML"}, {Format::md, "md", "Markdown"}, {Format::docx, "docx", "DOCX"},
    {Format::odt, "odt", "ODT"},    {Format::json, "json", "JSON"}, {Format::ocds, "ocds", "OCDS"},
    {Format::decp, "decp", "DECP"}};
const EnumEntry<DocumentKind> kDocumentKinds[] = {
    {DocumentKind::dce, "dce", "Dossier de consultation"},
    {DocumentKind::entreprise, "entreprise", "Fiche entreprise"},
    {DocumentKind::synthese, "synthese", "Note de synthèse"},
    {DocumentKind::sourcing, "sourcing", "Compte rendu du sourcing"},
    {DocumentKind::execution, "execution", "Bilan d'exécution"}};

struct FormatInfo {
    Format format;
    const char* extension;
    const char* mime;
};

const FormatInfo kFormats[] = {
    {Format::html, "html", "text/html; charset=utf-8"},
    {Format::md, "md", "text/markdown; charset=utf-8"},
    {Format::docx, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {Format::odt, "odt", "application/vnd.oasis.opendocument.text"},
    {Format::json, "json", "application/json"},
    {Format::ocds, "json", "application/json"},
    {Format::decp, "json", "application/json"},
};

const FormatInfo& info(Format f) {
    for (const FormatInfo& i : kFormats) if (i.format == f) return i;
    return kFormats[0];
}


// ASCII words of the text joined by dashes, at most `max` characters, cut at a word boundary.
std::string slug(std::string_view s, size_t max) {
    std::string out;
    for (char c : fold(s)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.size() > max) {
        out.resize(max);
        const size_t cut = out.rfind('-');
        if (cut != std::string::npos && cut > 0) out.resize(cut);
    }
    return out;
}

}  // namespace

template <> EnumNames<Format> enum_names<Format>() { return kFormatNames; }
template <> EnumNames<DocumentKind> enum_names<DocumentKind>() { return kDocumentKinds; }

const char* format_extension(Format f) { return info(f).extension; }
const char* format_mime(Format f) { return info(f).mime; }

bool is_data_format(Format f) { return f == Format::json || f == Format::ocds || f == Format::decp; }

std::string export_problem(const Project& p, Format f) { return f == Format::decp ? decp_missing(p) : ""; }

std::string export_data(const Project& p, Format f, const ProcedureResult& procedure, const Library& lib) {
    if (f == Format::json) return project_to_text(p);
    if (f == Format::ocds) return write_ocds(p, procedure, lib);
    if (f == Format::decp) return write_decp(p, procedure, lib);
    return "";
}

std::string export_project(const Project& p, Format f, DocumentKind kind, const Library& lib) {
    const ProcedureResult procedure = project_procedure(p);
    if (is_data_format(f)) return export_data(p, f, procedure, lib);
    const bool checked = kind == DocumentKind::synthese || kind == DocumentKind::sourcing;   // they state the findings
    const std::vector<Finding> findings = checked ? run_checks(p, procedure, lib) : std::vector<Finding>{};
    return write_document(assemble_document(p, kind, procedure, findings, lib), f);
}

std::string write_document(const Document& d, Format f) {
    switch (f) {
        case Format::md: return write_markdown(d);
        case Format::docx: return write_docx(d);
        case Format::odt: return write_odt(d);
        default: return write_html(d);
    }
}

std::string export_file_name(const Project& p, Format f, DocumentKind kind) {
    const char* prefix = f == Format::json ? "projet" : f == Format::ocds ? "ocds" : f == Format::decp ? "decp" : enum_name(kind);
    std::string name = slug(p.need.object, 60);
    if (name.empty()) name = slug(p.title, 60);
    if (name.empty()) name = "consultation";
    const Date d = parse_date(p.need.launch_date);
    return std::string(prefix) + "-" + name + (d.valid() ? "-" + iso_date(d) : "") + "." + format_extension(f);
}

}  // namespace clausier
