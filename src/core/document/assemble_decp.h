// assemble_decp.h — documents made from published contract data (DECP) rather than from a project: the report
// « Indicateurs des données essentielles » and the list of contracts coming up for renewal. Like the project's
// documents they go to every writer (write_document in export.h): DOCX, ODT, HTML, Markdown.
#pragma once
#include "document/document.h"
#include "opendata/decp.h"

namespace clausier {

// The indicators of `s` (decp_stats): considerations and the national targets beside them, by year of
// notification, purchase family and procedure, blanks, competition, advances, subcontracting, renewals to
// come and the quality of the data; each breakdown as a table, with a bar chart in HTML.
Document assemble_decp_report(const DecpStats& s);

// The considerations of `s` by purchase family and by procedure, each under a heading of `level`, as charts and a
// table (in the report above, and for the buyer's published figures in the SPASER's « Bilan annuel »).
void append_decp_breakdowns(std::vector<Block>& b, const DecpStats& s, int level);

// The contracts of `s` coming up for renewal, soonest first, as a table (the HTML export of the app's list and
// of `clausier decp renewals`).
Document assemble_decp_renewals(const DecpStats& s);

}  // namespace clausier
