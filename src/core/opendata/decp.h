// decp.h — reading the essential data of public contracts (DECP, « données essentielles de la commande
// publique ») as buyers publish them on data.gouv.fr, and the responsible-purchasing indicators measured on
// them: considerations (PNAD targets), competition, advances, subcontracting, contracts coming up for renewal.
//
// Formats read: the 2022 regulatory JSON ({"marches": {"marche": [...], "contrat-concession": [...]}}, schema
// v2.0.3) and the older {"marches": [...]} (schemas 1.x, where "_type" tells contracts from concessions).
// Files are streamed: feed the reader chunks of any size, as they come from disk or from the browser; it
// keeps one record at a time (parsed with nlohmann_json's SAX interface) and turns it into a compact contract
// of about a hundred bytes. Memory grows with the number of distinct contracts, never with the file.
//
// Usage — the app feeds a File chunk by chunk between two frames, the CLI reads from disk (read_decp_files):
//   DecpReader reader;                               // today(), the bundled library's purchase families
//   reader.begin_file("decp-2025.json", size);
//   reader.feed(chunk); …                            // progress: reader.bytes_fed() / size; to cancel,
//   reader.end_file();                               //   stop feeding and drop the reader
//   DecpData data = reader.take();                   // after one or several files
//   DecpStats stats = decp_stats(data, filter);      // again whenever the filter changes: no re-reading
//   nlohmann::json j = decp_stats_to_json(stats);
//
// Real files are messy. Every record is either kept as a contract or listed as a problem (id, field, French
// reason); a value that cannot be trusted is kept out of the sums it would distort, and said so. The rules
// (implausible amounts, modifications, duplicates…) are in docs/decp.md with their reasons.
#pragma once
#include "base/text.h"
#include <nlohmann/json.hpp>
#include <atomic>
#include <deque>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clausier {

struct Library;
struct Family;

// The award procedure, as the 2022 format names them; the 1.x names are mapped on reading.
enum class DecpProcedure : uint8_t {
    unknown,                  // field missing
    adaptee,                  // « Procédure adaptée »
    appel_offres_ouvert,
    appel_offres_restreint,
    negociation,              // « Procédure avec négociation » (and the 1.4 negotiated procedures)
    sans_publicite,           // « Marché passé sans publicité ni mise en concurrence préalable »
    dialogue_competitif,
    other,                    // a value the format does not know
};
const char* decp_procedure_label(DecpProcedure p);   // the format's French name; "Non renseignée", "Autre"

enum class DecpAnswer : uint8_t { unknown, no, yes };   // a yes/no field: unknown = missing or unreadable

// One contract as kept: the latest state of a DECP record (modifications applied), compact so that a
// région's five years fit in a few megabytes. Values that could not be trusted are left unknown.
struct DecpContract {
    uint32_t buyer = 0;            // index into DecpData::buyers (0 = none given)
    Date notification;             // invalid when missing or implausible
    Date end;                      // notification + duration, modifications included; invalid when unknown
    double value = 0;              // euros HT, the latest amount (modifications included), when value_trusted
    bool value_trusted = false;
    int16_t duration_months = 0;   // modifications included; 0 = unknown
    int16_t offers = 0;            // offers received; 0 = unknown
    int16_t family = -1;           // index into the library's families (from the CPV code); -1 = none
    DecpProcedure procedure = DecpProcedure::unknown;
    DecpAnswer environmental = DecpAnswer::unknown;   // unknown = considerationsEnvironnementales missing
    DecpAnswer social = DecpAnswer::unknown;          // « Marché réservé » counts as social
    DecpAnswer advance = DecpAnswer::unknown;         // attributionAvance
    DecpAnswer subcontracting = DecpAnswer::unknown;  // sousTraitanceDeclaree (or subcontracting acts listed)
    char departement[4] = {};      // of the place of execution: "35", "2A", "974"; "" = unknown
    uint8_t modifications = 0;     // modifications applied (to choose between two publications)
    Date published;                // datePublicationDonnees (to choose between two publications)
    int32_t detail = -1;           // index into DecpData::details when the contract may come up for renewal
};

// The texts of a contract whose end falls in the renewal window, kept to list it and pre-fill a project.
struct DecpDetail {
    std::string id, object;
    std::string cpv;                      // 8 digits, without check digit; "" = unknown
    std::string holder;                   // first holder's identifier (SIRET…), or its name in 1.x files
    std::string place_code, place_type;   // lieuExecution as published
};

struct DecpProblem {
    std::string file;      // as given to DecpReader::begin_file
    size_t record = 0;     // 1-based position of the record in its file; 0 = about the whole file
    std::string id;        // the record's id ("" when it has none)
    std::string buyer;     // the buyer's SIRET when known
    std::string field;     // DECP field name ("montant", "modifications", "fichier"…)
    std::string message;   // one French sentence: what is wrong and what was done with it
    int32_t contract = -1; // index into DecpData::contracts; -1 = record set aside, or the whole file
};

struct DecpFileResult {
    std::string name;
    uint64_t bytes = 0;
    size_t records = 0;    // records found in the file (kept or set aside)
    bool decp = false;     // the file has the DECP shape (and was read, maybe partly)
    std::string message;   // French, when the file was not (wholly) read
};

struct DecpOptions {
    Date today;                  // default: clock's today(). Start of the renewal window; dates after it are implausible
    int renewal_months = 18;     // length of the renewal window
    size_t max_problems = 0;     // keep at most this many problems in detail (0 = all); all are counted
    const Library* library = nullptr;   // purchase families for CPV codes; default: the bundled library
};

// Everything read from one or several files. Deques rather than vectors: they grow by blocks, without the
// moment where a vector holds its old and its new, twice larger, copy (the peak memory of a long read).
struct DecpData {
    DecpOptions options;                 // as used (today and library filled in)
    std::vector<std::string> buyers;     // SIRETs as published (digits only when they are digits); [0] = ""
    std::deque<DecpContract> contracts;
    std::deque<DecpDetail> details;
    std::deque<DecpProblem> problems;    // at most options.max_problems when set
    size_t problems_total = 0;
    std::map<std::string, size_t> problems_by_field;
    std::vector<DecpFileResult> files;
    size_t records = 0;      // every record read, in every file
    size_t duplicates = 0;   // records that were another publication of a contract already read
    size_t set_aside = 0;    // records not kept as contracts (concessions, unreadable…), each in problems
    bool any_decp() const;   // at least one file had the DECP shape
};

// The streaming reader. For each file: begin_file, feed (any number of chunks of any size), end_file.
// Nothing throws on bad input: every problem goes to data().problems.
class DecpReader {
public:
    explicit DecpReader(DecpOptions options = {});
    ~DecpReader();
    DecpReader(const DecpReader&) = delete;
    DecpReader& operator=(const DecpReader&) = delete;

    void begin_file(std::string name, uint64_t size = 0);   // size: for the record only
    void feed(std::string_view bytes);
    const DecpFileResult& end_file();
    // Records a file that could not be opened or read at all (replacing the file begun, if any).
    void skip_file(std::string name, std::string reason);
    uint64_t bytes_fed() const;                             // in the current file
    // The contract published by `buyer` (SIRET as read) under `id`: index into data().contracts, or -1.
    int32_t find(std::string_view buyer, std::string_view id) const;
    const DecpData& data() const;
    DecpData take();                                        // moves the data out; the reader is then spent

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Reading files from disk (the CLI, the benchmark). `progress` is called after each chunk with the bytes
// read so far over all the files and their total size; `cancel`, when set (from another thread or from the
// progress callback), stops the reading after the current chunk.
struct DecpReadControl {
    std::function<void(uint64_t read, uint64_t total)> progress;
    const std::atomic<bool>* cancel = nullptr;
    size_t chunk_bytes = size_t(1) << 20;
};
enum class DecpReadStatus { done, cancelled };
DecpReadStatus read_decp_files(const std::vector<std::string>& paths, DecpReader& reader,
                               const DecpReadControl& control = {});

// --- indicators -----------------------------------------------------------------------------------------

struct DecpFilter {
    std::string buyer;         // SIRET (14 digits), or SIREN (9 digits) for all its establishments; "" = all
    Date from, to;             // on the notification date, inclusive; contracts without a date are then left out
    std::string departement;   // of the place of execution ("35", "2A", "974"); "" = all
};
// Normalises a département as typed ("1" → "01", "2a" → "2A"); "" when it is not one.
std::string decp_departement(std::string_view typed);

struct DecpTally {
    size_t contracts = 0, valued = 0;          // valued: contracts whose amount is trusted (in `value`)
    size_t environmental = 0, social = 0;      // contracts with at least one such consideration
    size_t blank = 0;                          // contracts whose considerations (either side) are not filled in
    double value = 0, environmental_value = 0, social_value = 0;   // euros HT, trusted amounts only
    void add(const DecpContract& c);
};

// A contract that may come up for renewal: views into the DecpData it comes from (which must outlive it),
// with everything needed to list it or to pre-fill a project from it.
struct DecpRenewal {
    const DecpContract* contract = nullptr;   // end, value, notification, duration, procedure, considerations, département
    const DecpDetail* detail = nullptr;       // id, object, CPV, holder, place of execution
    const std::string* buyer = nullptr;       // SIRET
    const Family* family = nullptr;           // Clausier's purchase family; nullptr = none
    const char* nature = "";                  // "travaux" | "fournitures" | "services" from the CPV division; "" = unknown
};

struct DecpTarget {   // a national target (data/legal/national_targets.json) beside the measured share
    std::string id, label, indicator, source;   // indicator: "environmental" | "social"
    double share = 0;                           // the target, 0..1, of contracts notified in `year`
    int year = 0;
    double measured = 0;                        // share of the selected contracts
    bool measured_in_year_known = false;
    double measured_in_year = 0;                // share among the selected contracts notified in `year`
};

struct DecpStats {
    DecpFilter filter;
    Date today, renewal_until;
    size_t records = 0, contracts = 0, duplicates = 0, set_aside = 0;
    DecpTally total;
    size_t blank_environmental = 0, blank_social = 0, blank_considerations = 0;   // blank: field missing
    std::map<int, DecpTally> by_year;                  // year of notification
    std::map<std::string, DecpTally> by_family;        // family id; "autre" = no family
    std::map<DecpProcedure, DecpTally> by_procedure;
    size_t offers_known = 0, single_offer = 0;
    double median_offers = 0;
    size_t advance_known = 0, advance_granted = 0;
    size_t subcontracting_known = 0, subcontracting_declared = 0;
    std::vector<DecpTarget> targets;
    std::vector<DecpRenewal> renewals;                 // soonest end first
    std::vector<const DecpProblem*> problems;          // those about the selected contracts, files and set-aside records
    size_t problems_total = 0;
    std::map<std::string, size_t> problems_by_field;
    std::vector<DecpFileResult> files;
    const DecpData* data = nullptr;
};

// The indicators over the contracts that pass the filter. `data` must outlive the result.
DecpStats decp_stats(const DecpData& data, const DecpFilter& filter = {});
// The JSON of `clausier decp stats --json` (../shared/CLI.md, extended with by_family, by_procedure,
// competition, advances, subcontracting, targets, files…).
nlohmann::json decp_stats_to_json(const DecpStats& s);

// Labels shared by the report, the app and the JSON: a family id's label ("autre": no family), and a count
// over a whole as « 12 sur 40 (30 %) » (« – » when the whole is nil).
std::string decp_family_label(const DecpStats& s, const std::string& family_id);
std::string decp_share_text(size_t part, size_t whole);

// Date arithmetic used for contract ends: `d` plus `months`, the day clamped to the month's length.
Date add_months(const Date& d, int months);

}  // namespace clausier
