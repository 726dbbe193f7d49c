// projects.h — « Mes projets »: the buyer's portfolio of this browser (projects.cpp). Each project with its
// title, buyer, launch date, value, procedure, status and the local time of its last version; open, rename,
// duplicate, delete with « Annuler »; the whole portfolio exported and imported as one file. The edits are the
// core's (portfolio/stored.h, and Session operations for the open project); this file draws and calls them.
#pragma once
#include "app.h"

namespace ui {

void projects_window();   // the content of the « Mes projets » dialog
// The dialog was closed: a pending « Annuler » expires and a rename being typed is dropped.
void projects_closed();
// A picked file that is a portfolio file is imported (true); anything else is left to the caller (false).
bool projects_take_file(const std::string& name, const std::string& content);
// For the automation state: the rows of the portfolio ({"id", "title", "open"}), the last import report and
// whether an « Annuler » is offered.
json projects_state();

}  // namespace ui
