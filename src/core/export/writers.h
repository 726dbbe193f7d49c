// writers.h — one function per file format, from the neutral document model to the file's bytes. They know
// nothing of public procurement; ocds.cpp is the exception by nature (a data format, not a document).
#pragma once
#include "document/document.h"
#include "law/legal.h"
#include "library/library.h"

namespace clausier {

std::string write_html(const Document& d);
std::string write_markdown(const Document& d);
std::string write_docx(const Document& d);
std::string write_odt(const Document& d);
std::string write_ocds(const Project& p, const ProcedureResult& procedure, const Library& lib);
// The DECP records of the lots notified ({"marches": {"marche": [...]}}), "" while decp_missing(p) is not empty.
std::string write_decp(const Project& p, const ProcedureResult& procedure, const Library& lib);

// A chart block (document.h) as an SVG element (no script, no external resource), inline in HTML; `standalone`
// adds the SVG namespace for a file of its own (the image embedded in ODT). Its size in SVG units is
// kChartSvgWidth × chart_svg_height(b).
constexpr double kChartSvgWidth = 640;
double chart_svg_height(const Block& b);
std::string chart_svg(const Block& b, bool standalone = false);

}  // namespace clausier
