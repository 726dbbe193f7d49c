#include "document/assemble.h"
#include <algorithm>
#include <cmath>
#include <optional>

namespace clausier {

std::string fr(std::string_view s) { return french_typography(typographic_apostrophes(trim(s))); }
Inline frtext(std::string_view s) { return text(fr(s)); }
Block fr_heading(int level, std::string_view s) { return heading(level, fr(s)); }

Inline labelled(std::string_view label, std::string_view value) {
    return {strong(fr(label) + kNnbsp + ":"), plain(" " + fr(value))};
}

Inline labelled_text(std::string_view label, std::string_view text) {
    Inline out = text_lines(text, fr);
    if (out.empty()) out.push_back(plain(""));
    out.front().text.insert(0, " ");
    out.insert(out.begin(), strong(fr(label) + kNnbsp + ":"));
    return out;
}

void add_fact(std::vector<Inline>& items, std::string_view label, std::string_view value) {
    if (!trim(value).empty()) items.push_back(labelled(label, value));
}

void add_text_fact(std::vector<Inline>& items, std::string_view label, std::string_view text) {
    if (!trim(text).empty()) items.push_back(labelled_text(label, text));
}

void add_text(std::vector<Block>& out, std::string_view all) {
    for (Block& b : text_blocks(all, fr)) out.push_back(std::move(b));
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const std::string& s : parts) {
        if (s.empty()) continue;
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

std::string weight_label(double w) { return french_percent(w); }

std::string criterion_name(const AwardCriterion& c, size_t index) {
    const std::string n = trim(c.name);
    return n.empty() ? "Critère " + std::to_string(index + 1) : n;
}

// Scoring method of a criterion: the buyer's, else the one of the clause it comes from.
std::string criterion_method(const AwardCriterion& c, const Library& lib) {
    if (!trim(c.method).empty() || c.clause.empty()) return c.method;
    const Clause* k = lib.find(c.clause);
    return k ? k->criterion.scoring : "";
}

std::string criterion_proof(const AwardCriterion& c, const Library& lib) {
    if (!trim(c.proof).empty() || c.clause.empty()) return c.proof;
    const Clause* k = lib.find(c.clause);
    return k ? k->criterion.provides : "";
}

std::string subcriteria_label(const AwardCriterion& c) {
    std::vector<std::string> subs;
    for (const SubCriterion& s : c.subcriteria) subs.push_back(trim(s.name) + " (" + weight_label(s.weight) + ")");
    return join(subs, " ; ");
}

std::vector<Commitment> monitoring_rows(const Project& p, const Library& lib) {
    std::vector<Commitment> rows;
    std::vector<std::string> ids;   // clause id of each row taken from the library
    for (const ChosenRef& c : chosen_clauses(p, lib, ClauseKind::condition_execution)) {
        const Clause& k = *c.clause;
        std::string title = k.title;
        if (c.choice->lot > 0) title += " — " + lot_label(p, c.choice->lot);
        rows.push_back({k.id, title, k.indicator, k.execution_proof, k.checkpoint, k.penalty});
        ids.push_back(k.id);
    }
    for (const Commitment& m : p.monitoring) {
        size_t at = 0;
        while (at < ids.size() && (m.clause.empty() || ids[at] != m.clause)) ++at;
        if (at == ids.size()) { rows.push_back(m); continue; }
        Commitment& r = rows[at];
        using Field = std::pair<std::string*, const std::string*>;
        for (Field f : {Field{&r.commitment, &m.commitment}, Field{&r.indicator, &m.indicator}, Field{&r.proof, &m.proof},
                        Field{&r.checkpoint, &m.checkpoint}, Field{&r.penalty, &m.penalty}})
            if (!trim(*f.second).empty()) *f.first = *f.second;
    }
    return rows;
}

Block to_complete(std::string_view who, std::string_view what) {
    return note({{strong("À compléter par " + std::string(who) + kNnbsp + ":"), plain(" " + fr(what))}});
}

std::string or_gap(std::string_view value, std::string_view what) {
    if (!trim(value).empty()) return trim(value);
    return "[à compléter par l'acheteur" + std::string(kNnbsp) + ": " + std::string(what) + "]";
}

void number_articles(std::vector<Block>& blocks, size_t first) {
    int article = 0, sub = 0;
    for (size_t i = first; i < blocks.size(); ++i) {
        Block& b = blocks[i];
        if (b.kind != Block::heading || b.text.empty() || (b.level != 2 && b.level != 3)) continue;
        std::string prefix;
        if (b.level == 2) {
            prefix = "Article " + std::to_string(++article) + " – ";
            sub = 0;
        } else {
            prefix = std::to_string(std::max(article, 1)) + "." + std::to_string(++sub) + " – ";
        }
        b.text.front().text.insert(0, prefix);
    }
}

bool applies_to_lot(const ChosenClause& c, int lot) { return c.lot == 0 || c.lot == lot; }

std::string schedule_name(PriceSchedule s) {
    switch (s) {
        case PriceSchedule::bpu: return "le bordereau des prix unitaires (BPU)";
        case PriceSchedule::dqe: return "le bordereau des prix unitaires et le détail quantitatif estimatif (DQE) qui l'applique aux quantités estimées";
        default: return "la décomposition du prix global et forfaitaire (DPGF)";
    }
}

PriceForm lot_price_form(const ResolvedSettings& r, int lot) {
    return lot >= 1 && size_t(lot) <= r.lot_price_forms.size() ? r.lot_price_forms[size_t(lot) - 1] : r.s.price_form;
}

PriceSchedule lot_schedule(const ResolvedSettings& r, int lot) {
    return lot >= 1 && size_t(lot) <= r.lot_schedules.size() ? r.lot_schedules[size_t(lot) - 1] : r.s.schedule;
}

std::string schedule_names(const Project& p, const ResolvedSettings& r) {
    if (!r.price_forms_differ || p.lots.size() < 2) return schedule_name(r.s.schedule);
    std::vector<std::string> parts;
    for (size_t i = 0; i < p.lots.size(); ++i)
        parts.push_back("pour le lot " + std::to_string(i + 1) + ", " + schedule_name(lot_schedule(r, int(i) + 1)));
    return join(parts, " ; ");
}

std::string criterion_weight_label(const Project& p, const AwardCriterion& c, size_t rank) {
    switch (p.weighting) {
        case Weighting::hierarchisation: return std::to_string(rank + 1);
        case Weighting::fourchette:
            return c.weight_max > c.weight ? "de " + weight_label(c.weight) + " à " + weight_label(c.weight_max) : weight_label(c.weight);
        default: return weight_label(c.weight);
    }
}

std::string lot_label(const Project& p, int lot) {
    if (lot <= 0) return "tous les lots";
    std::string s = "lot " + std::to_string(lot);
    if (lot <= int(p.lots.size()) && !trim(p.lots[size_t(lot) - 1].title).empty())
        s += " (" + trim(p.lots[size_t(lot) - 1].title) + ")";
    return s;
}

namespace {

// The chosen clauses of the document being assembled, rendered once (assemble_document sets it for its own
// duration): its sections ask for them a dozen times — by kind, per lot, in the monitoring plan — and rendering
// a clause with French typography was most of an export's time (issue 13, scripts/bench export budgets).
struct RenderedClauses {
    const Project* project = nullptr;
    const Library* lib = nullptr;
    std::vector<ChosenRef> clauses;   // every kind, in the project's order
};
thread_local const RenderedClauses* rendered = nullptr;

std::vector<ChosenRef> chosen_where(const Project& p, const Library& lib, std::optional<ClauseKind> kind) {
    std::vector<ChosenRef> out;
    if (rendered && rendered->project == &p && rendered->lib == &lib) {
        for (const ChosenRef& c : rendered->clauses)
            if (!kind || c.clause->kind == *kind) out.push_back(c);
        return out;
    }
    const std::string ccag = ccag_short(applied_ccag(p));   // a derogation names the article of the CCAG applied
    for (const ChosenClause& c : p.clauses) {
        const Clause* k = lib.find(c.id);
        if (!k || (kind && k->kind != *kind)) continue;
        out.push_back({&c, k, fr(render_clause(*k, c.values, ccag))});
    }
    return out;
}

// Renders the chosen clauses once for the scope's lifetime (one assemble_document call).
class RenderScope {
public:
    RenderScope(const Project& p, const Library& lib) : outer_(rendered) {
        own_.clauses = chosen_where(p, lib, std::nullopt);
        own_.project = &p;
        own_.lib = &lib;
        rendered = &own_;
    }
    ~RenderScope() { rendered = outer_; }
    RenderScope(const RenderScope&) = delete;
    RenderScope& operator=(const RenderScope&) = delete;

private:
    RenderedClauses own_;
    const RenderedClauses* outer_;
};

}  // namespace

std::vector<ChosenRef> chosen_clauses(const Project& p, const Library& lib) { return chosen_where(p, lib, std::nullopt); }
std::vector<ChosenRef> chosen_clauses(const Project& p, const Library& lib, ClauseKind kind) { return chosen_where(p, lib, kind); }

namespace {

std::string months(int n) { return std::to_string(n) + " mois"; }

std::string duration_label(const Need& n) {
    std::string s = months(n.duration_months);
    if (n.renewals > 0)
        s += ", reconductible " + std::to_string(n.renewals) + " fois pour " +
             months(n.renewal_months) + " (durée maximale : " + months(n.duration_months + n.renewals * n.renewal_months) + ")";
    return fr(s);
}

void title_block(Document& d, const Project& p, const ProjectFacts& f, const char* title) {
    d.title = fr(title);
    d.subtitle = fr(p.need.object.empty() ? p.title : p.need.object);
    d.author = trim(p.buyer.name);
    d.date = iso_date(parse_date(p.need.launch_date));   // never the clock in the file's metadata
    auto meta = [&](const char* label, const std::string& value) {
        if (!trim(value).empty()) d.metadata.push_back({label, fr(value)});
    };
    meta("Acheteur", p.buyer.name);
    meta("Date de lancement", d.date.empty() ? "non renseignée" : french_date(f.date));
    meta("Valeur estimée", french_euros(f.total) + " HT, reconductions comprises");
    meta("Procédure", enum_label(f.settings.s.procedure));
    meta("Référence de la consultation", f.settings.s.reference);
    d.running_header = fr(join({trim(f.settings.s.reference), trim(p.buyer.name), trim(p.need.object)}, " — "));
}

}  // namespace

ProjectFacts project_facts(const Project& p, const ProcedureResult& procedure) {
    ProjectFacts f;
    f.date = effective_launch_date(p);
    f.initial = initial_value(p);
    f.total = total_estimated_value(p);
    f.procedure = procedure;
    f.duration_label = duration_label(p.need);
    f.settings = resolve_settings(p, procedure);
    return f;
}

Document assemble_document(const Project& p, DocumentKind kind, const ProcedureResult& procedure,
                           const std::vector<Finding>& findings, const Library& lib) {
    const ProjectFacts f = project_facts(p, procedure);
    const RenderScope clauses(p, lib);
    Document d;
    switch (kind) {
        case DocumentKind::dce:
            title_block(d, p, f, "Dossier de consultation des entreprises");
            assemble_dce(d, p, lib, f);
            break;
        case DocumentKind::entreprise:
            title_block(d, p, f, "Fiche explicative pour les entreprises");
            assemble_entreprise(d, p, lib, f);
            break;
        case DocumentKind::synthese:
            title_block(d, p, f, "Note de synthèse");
            assemble_synthese(d, p, lib, f, findings);
            break;
        case DocumentKind::sourcing:
            title_block(d, p, f, "Compte rendu du sourcing");
            assemble_sourcing(d, p, findings);
            break;
        case DocumentKind::execution:
            title_block(d, p, f, "Bilan d'exécution");
            assemble_execution(d, p, lib);
            break;
    }
    return d;
}

}  // namespace clausier
