// export.h — the one entry point from a project to the bytes of an exported file. Assembly (project →
// document model) is format-neutral; each writer (one file per format in this folder) knows nothing of the
// domain. The same project and options always give the same bytes.
#pragma once
#include "document/document.h"
#include "law/legal.h"
#include "library/library.h"

namespace clausier {

enum class Format { html, md, docx, odt, json, ocds, decp };   // decp: essential data (open data) once awarded
// sourcing: the minutes of the sourcing log; execution: the « Bilan d'exécution » (award and execution record)
enum class DocumentKind { dce, entreprise, synthese, sourcing, execution };
constexpr int kDocumentKindCount = 5;
// Names as on the command line (--format, --document); labels in French.
template <> EnumNames<Format> enum_names<Format>();
template <> EnumNames<DocumentKind> enum_names<DocumentKind>();

const char* format_extension(Format f);   // "html", "md", "docx", "odt", "json", "json"
const char* format_mime(Format f);

// The exported file's bytes, everything derived from the project computed here (the CLI, the tests). The app
// exports through its Session, which has the procedure and the assembled documents already.
std::string export_project(const Project& p, Format f, DocumentKind kind = DocumentKind::dce,
                           const Library& lib = bundled_library());
// What the project lacks before it can be exported in `f`, in one French sentence ("" when nothing): only the
// DECP record has such a precondition (the award, export/decp.cpp).
std::string export_problem(const Project& p, Format f);
std::string decp_missing(const Project& p);
// The bytes of a format that carries the project's data rather than a document (json, ocds, decp); "" for the
// others, and for decp while export_problem is not empty.
bool is_data_format(Format f);
std::string export_data(const Project& p, Format f, const ProcedureResult& procedure, const Library& lib = bundled_library());
// An assembled document in one of the document formats (html, md, docx, odt).
std::string write_document(const Document& d, Format f);
// A sensible file name: object and launch date, ASCII, e.g. "dce-nettoyage-des-locaux-2026-11-22.docx".
std::string export_file_name(const Project& p, Format f, DocumentKind kind);

}  // namespace clausier
