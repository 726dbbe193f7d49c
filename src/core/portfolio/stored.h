// stored.h — the projects of this browser as the buyer's portfolio (« Projets »): listed with what a buyer
// sorts them by, renamed, duplicated, deleted with an undo, and exported or imported as ONE portfolio file.
// Every operation works on a KeyValueStore (project/autosave.h) so that the app, the CLI and the tests share it;
// the open project is edited through its Session instead (a rename is a Session operation there).
//
// The portfolio file: {"format": "clausier-portefeuille", "version": 1, "exported_at": ISO UTC,
//                      "projects": [{"id", "title", "saved_at", "project": {…a project file…}}]}
// Importing never overwrites: every sound entry becomes a new project of this browser, an entry identical to a
// stored project is counted as already there, a broken entry is set aside with its number, title and reason.
#pragma once
#include "law/legal.h"
#include "portfolio/portfolio.h"
#include "project/autosave.h"
#include "project/award.h"
#include <functional>

namespace clausier {

// One row of « Projets ».
struct PortfolioEntry {
    std::string id;              // storage id
    std::string title, buyer;
    std::string saved_at;        // ISO 8601 UTC of the last version (local_time_label shows it)
    Date launch;                 // planned launch date (invalid when none)
    double value = 0;            // euros HT, whole duration: the value that sizes the procedure
    Procedure procedure = Procedure::adaptee;
    ProjectStatus status = ProjectStatus::preparation;
    bool readable = true;        // false: its versions cannot be read (`error` says why), the row stays deletable
    std::string error;
};

// The rows of a previous listing, each with the stored version it was read from (storage id → version, row).
using PortfolioRows = std::map<std::string, std::pair<int, PortfolioEntry>>;

// Every stored project, most recently saved first. With `rows`, a project whose last version is the one its
// row was read from keeps that row, without reading its file again; `rows` then holds this listing's rows.
std::vector<PortfolioEntry> list_portfolio(const KeyValueStore& store, const LegalData& law = bundled_legal_data(),
                                           PortfolioRows* rows = nullptr);

// The stored projects read together as a portfolio (« Mon année »), each parsed once: refresh_projects parses
// again only the projects whose last version changed since the previous call on the same `cache`, drops those
// removed, and takes the open project as its session holds it (`open_id`, `open`; null when none). Parsing the
// project files is what a portfolio's opening costs (docs/benchmarks.md, `portfolio_500_ms`).
struct StoredProjects {
    std::vector<PortfolioProject> projects;   // the readable ones, most recently saved first
    std::vector<std::string> unreadable;      // titles of stored projects that could not be read
    std::map<std::string, int> parsed;        // storage id → the version its project was parsed from
};
void refresh_projects(const KeyValueStore& store, const std::string& open_id, const Project* open, StoredProjects& cache);

// « 30/11/2026 à 14 h 05 »: an ISO UTC time stamp in the local time zone of the machine (the browser's, in
// the app); the text as given when it is not a time stamp.
std::string local_time_label(const std::string& iso_utc);

// Gives stored project `id` the title `title` (trimmed, not empty) as a new version; false with a French reason.
bool rename_stored(KeyValueStore& store, const std::string& id, const std::string& title,
                   const std::string& saved_at, std::string& error);
// Stores `p` under `new_id` as « <title> (copie) »; false with a French reason (the store refused).
bool duplicate_project(KeyValueStore& store, const Project& p, const std::string& new_id,
                       const std::string& saved_at, std::string& error);

// A deleted project's keys and values, held by the caller so that « Annuler » can put them back.
struct RemovedProject {
    std::string id, title;
    std::vector<std::pair<std::string, std::string>> entries;
};
RemovedProject remove_stored(KeyValueStore& store, const std::string& id);
// Writes a removed project back, as it was; false when the store refuses (nothing is half-written).
bool restore_removed(KeyValueStore& store, const RemovedProject& r);

// The id of a stored project whose current version is exactly `p` (opening a file already in the browser
// opens it instead of creating a copy), else "".
std::string find_identical(const KeyValueStore& store, const Project& p);

// The whole portfolio as one file (the current version of every readable project).
std::string export_portfolio(const KeyValueStore& store, const std::string& exported_at);

struct PortfolioImport {
    bool file_read = false;              // false: not a portfolio file at all (`error` says why, nothing changed)
    std::string error;
    std::vector<std::string> added;      // ids of the new projects
    int already = 0;                     // entries identical to a project already in the browser
    std::vector<std::string> set_aside;  // one French sentence per broken entry: number, title, what is wrong
};
// True when `text` looks like a portfolio file (so that a picked file can be routed to import_portfolio).
bool is_portfolio_file(const std::string& text);
PortfolioImport import_portfolio(KeyValueStore& store, const std::string& text,
                                 const std::function<std::string()>& new_id, const std::string& saved_at);
// The report of an import in French, one sentence per line.
std::string import_report(const PortfolioImport& r);

}  // namespace clausier
