// export.h — the one entry point from a project to the bytes of an exported file. Assembly (project →
// document model) is format-neutral; each writer (one file per format in this folder) knows nothing of the
// domain. The same project and options always give the same bytes.
#pragma once
#include "library/library.h"

namespace clausier {

enum class Format { html, md, docx, odt, json, ocds };
enum class DocumentKind { dce, entreprise, synthese, sourcing };   // sourcing: the minutes of the sourcing log

bool parse_format(std::string_view s, Format& out);
bool parse_document_kind(std::string_view s, DocumentKind& out);
const char* document_kind_name(DocumentKind k);   // "dce", "entreprise", "synthese", "sourcing"
const char* format_extension(Format f);   // "html", "md", "docx", "odt", "json", "json"
const char* format_mime(Format f);

// The exported file's bytes.
std::string export_project(const Project& p, Format f, DocumentKind kind = DocumentKind::dce,
                           const Library& lib = bundled_library());
// A sensible file name: object and launch date, ASCII, e.g. "dce-nettoyage-des-locaux-2026-11-22.docx".
std::string export_file_name(const Project& p, Format f, DocumentKind kind);

}  // namespace clausier
