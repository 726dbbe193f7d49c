// opendata.h — the « Données essentielles (DECP) » screen: published contract data opened or dropped (one or
// several files, read in chunks across frames with a progress bar, cancellable), the indicators as charts and
// tables, the contracts coming up for renewal (« Créer un projet » from one of them) and the exports.
#pragma once
#include "app.h"

namespace clausier { struct DecpData; }

namespace ui {

bool opendata_shown();        // the screen takes the place of the steps (not in Formation mode)
void toggle_opendata();       // the top bar's « Données essentielles »
void opendata_screen();
// A file opened or dropped while the screen is shown is published data: queued for reading, true. Otherwise
// false (the file is a project).
bool opendata_take_file(const std::string& name, const std::string& content);
// The published data read on this screen (every file since the last « Effacer »), nullptr when none has been read
// or a reading is in progress: the SPASER report measures the buyer's own records among them.
const clausier::DecpData* opendata_data();
json opendata_state();        // the automation state's "decp" (docs/automation.md)
void chart_view(const Block& b);   // a chart block of the document model, drawn with ImGui's draw lists

}  // namespace ui
