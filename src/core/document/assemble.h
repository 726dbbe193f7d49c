// assemble.h — from a project to the neutral document model (document.h): the consultation draft (dce),
// the plain-language sheet for firms (entreprise) and the decision memo (synthese). Everything about public
// procurement lives here; nothing about file formats. assemble.cpp holds the shared pieces, one
// assemble_<document>.cpp file per document.
#pragma once
#include "checks/checks.h"
#include "document/document.h"
#include "export/export.h"
#include "project/consultation.h"

namespace clausier {

// `procedure` is the project's (project_procedure) and `findings` its checks (they feed the memo's open
// points): both computed once per change by the caller.
Document assemble_document(const Project& p, DocumentKind kind, const ProcedureResult& procedure,
                           const std::vector<Finding>& findings, const Library& lib = bundled_library());

// The acronyms a firm meets in a tender, explained in plain words: the glossary of the firm's sheet and the
// definitions the app shows on hover in Entreprise mode.
struct GlossaryTerm {
    const char* term;
    const char* meaning;
};
const std::vector<GlossaryTerm>& firm_glossary();

// ---- shared by the assemble_*.cpp files and the OCDS writer ------------------------------------------

// A chosen clause found in the library (unknown ids are left out: the checks report them).
struct ChosenRef {
    const ChosenClause* choice = nullptr;
    const Clause* clause = nullptr;
    std::string text;   // rendered with the buyer's values, French typography applied
};
std::vector<ChosenRef> chosen_clauses(const Project& p, const Library& lib);
std::vector<ChosenRef> chosen_clauses(const Project& p, const Library& lib, ClauseKind kind);   // of that kind only

struct ProjectFacts {          // what several documents state the same way
    Date date;                 // launch date (today when the project has none)
    double initial = 0, total = 0;
    ProcedureResult procedure;
    std::string duration_label;
    ResolvedSettings settings;   // the consultation settings, nothing left automatic (project/consultation.h)
};
ProjectFacts project_facts(const Project& p, const ProcedureResult& procedure);

// French prose as every exported document prints it: trimmed, French spacing (french_typography) and the
// typographic apostrophe (typographic_apostrophes, text.h; the document builders apply it to every run too). For
// the assemblers' sentences and the buyer's own text alike: a signed DCE reads « l’acheteur » whoever typed it.
// The project itself is never changed (fr works on a copy); data exports (JSON, OCDS, DECP) keep the user's
// characters and do not call it; identifiers, file names and codes are not passed to it.
std::string fr(std::string_view s);
Inline frtext(std::string_view s);                                 // one plain run of fr(s)
Block fr_heading(int level, std::string_view s);                   // heading(level, fr(s))
Inline labelled(std::string_view label, std::string_view value);   // "Label : value", label in bold, one line
// The same for a multi-line field (quantities, notes, a scoring method): its line breaks are kept
// (text_lines in document.h).
Inline labelled_text(std::string_view label, std::string_view text);
// Append labelled(label, value) / labelled_text(label, text) to `items` unless the value is blank.
void add_fact(std::vector<Inline>& items, std::string_view label, std::string_view value);
void add_text_fact(std::vector<Inline>& items, std::string_view label, std::string_view text);
// Appends a multi-line text typed by the buyer, read as text_blocks (document.h) says, in French typography.
void add_text(std::vector<Block>& out, std::string_view text);

// A marked gap in a legal document: « À compléter par l'acheteur : … » (or by the bidder, in the acte
// d'engagement), never an unmarked blank.
Block to_complete(std::string_view who, std::string_view what);
// `value` when it is filled in, else a marked gap « [à compléter par l'acheteur : what] » inside a sentence.
std::string or_gap(std::string_view value, std::string_view what);
// Numbers the articles of one part of a document, from block `first` on: a level-2 heading becomes
// « Article N – title », a level-3 heading « N.M – title ».
void number_articles(std::vector<Block>& blocks, size_t first);
// Whether a chosen clause applies to lot `lot` (1-based): clauses for every lot (0) apply to all.
bool applies_to_lot(const ChosenClause& c, int lot);

std::string lot_label(const Project& p, int lot);                  // "lot 2 (Vitrerie)", "tous les lots"
std::string join(const std::vector<std::string>& parts, std::string_view sep = ", ");
std::string weight_label(double w);                                // "40 %"
std::string criterion_name(const AwardCriterion& c, size_t index);  // its name, or "Critère n"
// A criterion's scoring method and the proof asked: the buyer's own words, else those of its library clause.
std::string criterion_method(const AwardCriterion& c, const Library& lib);
std::string criterion_proof(const AwardCriterion& c, const Library& lib);
std::string subcriteria_label(const AwardCriterion& c);             // "Délais (60 %) ; Moyens (40 %)"
// The monitoring plan: one line per chosen execution condition (from the clause's indicator, execution proof,
// checkpoint and penalty), where the buyer's own line for that clause overrides what it fills in, then the
// buyer's other commitments.
std::vector<Commitment> monitoring_rows(const Project& p, const Library& lib);

// The document-specific parts (assemble_dce.cpp, assemble_entreprise.cpp, assemble_synthese.cpp).
void assemble_dce(Document& d, const Project& p, const Library& lib, const ProjectFacts& f);
// The parts of the consultation file: règlement de la consultation (assemble_dce.cpp), CCAP
// (assemble_ccap.cpp), actes d'engagement and CCTP frames per lot, criteria grid and monitoring plan
// (assemble_pieces.cpp). Each appends its level-1 heading and numbered articles.
void assemble_rc(std::vector<Block>& b, const Project& p, const Library& lib, const ProjectFacts& f);
void assemble_ccap(std::vector<Block>& b, const Project& p, const Library& lib, const ProjectFacts& f);
void assemble_acte_engagement(std::vector<Block>& b, const Project& p, const ProjectFacts& f, int lot);
void assemble_cctp(std::vector<Block>& b, const Project& p, const Library& lib, int lot);
void assemble_grid(std::vector<Block>& b, const Project& p, const Library& lib);
void assemble_monitoring(std::vector<Block>& b, const Project& p, const Library& lib);
// The anonymised « Liste du personnel à reprendre » (annex to the RC and the CCAP), only when staff is taken
// over (staff_takeover_basis gives the stipulation that requires it).
void assemble_staff_list(std::vector<Block>& b, const Project& p, const ProjectFacts& f);
inline constexpr const char* kStaffListTitle = "Liste du personnel à reprendre";
// For a groupement de commandes only, the last part: the draft convention constitutive (assemble_convention.cpp).
void assemble_convention(std::vector<Block>& b, const Project& p, const ProjectFacts& f);
// The price schedule of the offer, named in full: "le détail quantitatif estimatif (DQE)".
std::string schedule_name(PriceSchedule s);
// The price schedule of every lot: one name when all lots share it, else « pour le lot 1, …, et pour le lot 2, … ».
std::string schedule_names(const Project& p, const ResolvedSettings& r);
// A lot's price form and schedule (1-based lot; 0 or a contract without lots: the consultation's).
PriceForm lot_price_form(const ResolvedSettings& r, int lot);
PriceSchedule lot_schedule(const ResolvedSettings& r, int lot);
// The weight column of a criterion: "40 %", "de 30 % à 40 %" (ranges) or its rank "1" (ranked criteria; `rank`
// is its 0-based place in the table).
std::string criterion_weight_label(const Project& p, const AwardCriterion& c, size_t rank);
void assemble_entreprise(Document& d, const Project& p, const Library& lib, const ProjectFacts& f);
// The sourcing minutes state what the checks found in the notes of each exchange (never « no price was
// discussed » when a finding says otherwise).
void assemble_sourcing(Document& d, const Project& p, const std::vector<Finding>& findings);
void assemble_sourcing(Document& d, const Project& p);
void assemble_execution(Document& d, const Project& p, const Library& lib);   // assemble_execution.cpp
void assemble_synthese(Document& d, const Project& p, const Library& lib, const ProjectFacts& f,
                       const std::vector<Finding>& findings);

}  // namespace clausier
