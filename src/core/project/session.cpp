#include "project/session.h"
#include "portfolio/stored.h"
#include "project/consultation.h"
#include "base/clock.h"
#include "library/cpv.h"
#include "project/scenarios.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

namespace clausier {

namespace {

// This tab's own store remembers the project it shows, so that a reload reopens it even when another tab
// opened another project since.
const char* const kTabOpenKey = "clausier/v1/tab/open";

uint64_t random_bits() {
    static std::mt19937_64 gen{std::random_device{}()};
    return gen();
}

std::string hex(uint64_t v) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

}  // namespace

Session::Session(SessionHost host, const Library* lib, const LegalData* law, const RuleSet* rules)
    : host_(std::move(host)), lib_(lib), law_(law), rules_(rules) {
    if (!host_.now_ms) host_.now_ms = monotonic_ms;
    if (!host_.now_iso) host_.now_iso = clausier::now_iso;
    if (host_.tab.empty()) host_.tab = "t" + hex(random_bits());
    stale_ = true;   // the derived data of the empty project
    if (!host_.defer_derived) update();
}

double Session::now() const { return host_.now_ms(); }

const Library& Session::library() const {
    if (!lib_) lib_ = &bundled_library();
    return *lib_;
}

const LegalData& Session::law() const {
    if (!law_) law_ = &bundled_legal_data();
    return *law_;
}

const RuleSet& Session::rules() const {
    if (!rules_) rules_ = &bundled_rules();
    return *rules_;
}

const std::vector<Family>& Session::families() const { return lib_ ? lib_->families : bundled_families(); }

std::string Session::new_id() { return "p" + hex(random_bits() ^ ++ids_); }

// ---- derived data ---------------------------------------------------------------------------------------------

// A new generation of the project: its derived data is computed now, or on the host's update().
void Session::changed() {
    ++generation_;
    stale_ = true;
    if (!host_.defer_derived) update();
}

bool Session::update() {
    if (!stale_) return false;
    recompute();
    stale_ = false;
    return true;
}

void Session::recompute() {
    Derived d;
    d.procedure = size_procedure(procedure_input(project_), law());
    d.findings = run_checks(project_, d.procedure, library(), law(), rules());
    for (const Finding& f : d.findings) {
        (f.severity == Severity::bloquant ? d.blocking : f.severity == Severity::alerte ? d.alerts : d.advice)++;
        if (f.severity != Severity::conseil) ++d.to_review[int(f.step)];
    }
    d.recommendations = recommend(project_, d.procedure, library());
    for (int i = 0; i < kStepCount; ++i) d.filled[i] = step_filled(project_, Step(i), d.findings, library());
    derived_ = std::move(d);
    ++computations_;
}

const Document& Session::document(DocumentKind kind) {
    update();
    CachedDocument& c = documents_[int(kind)];
    if (c.generation != generation_) {
        c.document = assemble_document(project_, kind, derived_.procedure, derived_.findings, library());
        c.generation = generation_;
    }
    return c.document;
}

std::string Session::export_bytes(Format f, DocumentKind kind) {
    update();
    if (is_data_format(f)) return export_data(project_, f, derived_.procedure, library());
    return write_document(document(kind), f);
}

// ---- opening --------------------------------------------------------------------------------------------------

void Session::start(Project p, std::string id, std::string scenario, bool stored) {
    forget_untouched_blank(id);
    project_ = std::move(p);
    package_.reset();
    id_ = std::move(id);
    scenario_ = std::move(scenario);
    undo_.clear();
    redo_.clear();
    typing_field_.clear();
    save_pending_ = false;
    refusal_ = StoreStatus::ok;
    message_.clear();
    saved_at_.clear();
    changed();
    claim();
    if (host_.tab_store) host_.tab_store->set(kTabOpenKey, id_);
    if (host_.store) set_last_opened(*host_.store, id_);
    if (stored) {
        saved_generation_ = generation_;
        if (host_.store)
            for (const StoredVersion& v : list_versions(*host_.store, id_)) {
                saved_at_ = v.saved_at;
                break;
            }
    } else {
        write_version();   // a new project is in « Mes projets » at once
    }
}

void Session::forget_untouched_blank(const std::string& next_id) {
    // One stored version means no other tab has written to it either.
    if (untouched_blank_ && owns_ && host_.store && next_id != id_ && list_versions(*host_.store, id_).size() == 1)
        remove_stored(*host_.store, id_);
    untouched_blank_ = false;
}

void Session::claim() {
    owns_ = true;
    claimed_generation_ = generation_;
    if (host_.store) host_.store->set(owner_key(id_), host_.tab);
}

void Session::open_last() {
    std::string id, error;
    if (host_.tab_store && host_.tab_store->get(kTabOpenKey, id) && open_stored(id, error)) return;
    if (host_.store && !(id = last_opened(*host_.store)).empty() && open_stored(id, error)) return;
    open_blank();
}

void Session::open_blank() {
    Project p;
    p.title = "Nouveau projet";
    p.need.launch_date = iso_date(today());
    start(std::move(p), new_id(), "", false);
    untouched_blank_ = true;
}

void Session::open_new(Project p) { start(std::move(p), new_id(), "", false); }

bool Session::open_stored(const std::string& id, std::string& error) {
    Project p;
    if (!host_.store || !load_saved(*host_.store, id, p, error)) {
        if (!host_.store) error = "Aucun stockage n'est disponible.";
        return false;
    }
    start(std::move(p), id, "", true);
    return true;
}

bool Session::open_text(const std::string& text, std::string& error) {
    if (is_package_text(text)) {
        DcePackage pkg;
        if (!read_package(text, pkg, error)) return false;
        package_ = std::move(pkg);
        return true;
    }
    Project p;
    if (!project_from_text(text, p, error)) return false;
    if (const std::string same = host_.store ? find_identical(*host_.store, p) : std::string(); !same.empty())
        start(std::move(p), same, "", true);
    else
        start(std::move(p), new_id(), "", false);
    return true;
}

bool Session::open_scenario(const std::string& name, std::string& error) {
    const Scenario* s = find_scenario(name);
    if (!s) {
        error = "Scénario inconnu : « " + name + " ».";
        return false;
    }
    Project p;
    if (!project_from_text(s->text, p, error)) return false;
    start(std::move(p), new_id(), name, false);
    return true;
}

// ---- operations -----------------------------------------------------------------------------------------------

bool Session::apply(std::string_view field, Merge merge, const std::function<void(Project&)>& change) {
    if (!owns_) return false;
    const bool joins = merge == Merge::typing && !typing_field_.empty() && typing_field_ == field;
    if (!joins) {
        undo_.push_back(project_);
        if (undo_.size() > host_.undo_depth) undo_.erase(undo_.begin());
    }
    change(project_);
    untouched_blank_ = false;
    typing_field_ = merge == Merge::typing ? std::string(field) : std::string();
    redo_.clear();
    commit();
    return true;
}

void Session::commit() {
    changed();
    save_pending_ = true;
    save_due_ = now() + host_.autosave_delay_ms;
}

bool Session::edit(std::string_view field, const std::function<void(Project&)>& change, Merge merge) {
    return apply(field, merge, change);
}

void Session::end_typing() { typing_field_.clear(); }

bool Session::edit_lot(size_t index, std::string_view field, const std::function<void(Lot&)>& change, Merge merge) {
    if (index >= std::max<size_t>(project_.lots.size(), 1)) return false;
    return apply(field, merge, [&](Project& p) {
        if (p.lots.empty()) p.lots.push_back({"Lot unique", 0, "", ""});
        change(p.lots[index]);
    });
}

bool Session::edit_related(size_t index, std::string_view field, const std::function<void(RelatedPurchase&)>& change,
                           Merge merge) {
    if (index >= project_.related.size()) return false;
    return apply(field, merge, [&](Project& p) {
        RelatedPurchase& r = p.related[index];
        change(r);
        if (trim(r.family).empty()) r.family = p.need.family;
    });
}

bool Session::set_related_family(size_t index, const std::string& family) {
    return edit_related(index, "lots.related[" + std::to_string(index + 1) + "].family",
                        [&](RelatedPurchase& r) { r.family = family; });
}

bool Session::add_clause(const std::string& clause_id) {
    const Clause* c = library().find(clause_id);
    const bool chosen = std::any_of(project_.clauses.begin(), project_.clauses.end(),
                                    [&](const ChosenClause& k) { return k.id == clause_id; });
    if (!c || chosen) return false;
    return apply("clauses.add." + clause_id, Merge::no, [&](Project& p) {
        p.clauses.push_back({c->id, {}, 0});
        if (c->kind != ClauseKind::critere) return;
        AwardCriterion k;
        k.name = c->title;
        k.kind = c->pillar == Pillar::environnemental ? CriterionKind::environnemental
                 : c->pillar == Pillar::social        ? CriterionKind::social
                                                      : CriterionKind::technique;
        k.weight = std::round((c->criterion.weight_min + c->criterion.weight_max) / 2);
        k.method = c->criterion.scoring;
        k.proof = c->criterion.provides;
        k.clause = c->id;
        p.criteria.push_back(k);
    });
}

bool Session::remove_clause(const std::string& clause_id) {
    return apply("clauses.remove." + clause_id, Merge::no, [&](Project& p) {
        auto& cl = p.clauses;
        cl.erase(std::remove_if(cl.begin(), cl.end(), [&](const ChosenClause& c) { return c.id == clause_id; }), cl.end());
        auto& cr = p.criteria;
        cr.erase(std::remove_if(cr.begin(), cr.end(), [&](const AwardCriterion& c) { return c.clause == clause_id; }), cr.end());
    });
}

bool Session::set_clause_value(const std::string& clause_id, const std::string& variable, const json& value, Merge merge) {
    auto it = std::find_if(project_.clauses.begin(), project_.clauses.end(), [&](const ChosenClause& c) { return c.id == clause_id; });
    if (it == project_.clauses.end()) return false;
    const size_t index = size_t(it - project_.clauses.begin());
    return apply("clauses." + clause_id + "." + variable, merge, [&](Project& p) { p.clauses[index].values[variable] = value; });
}

bool Session::edit_consultation(std::string_view field, const std::function<void(ConsultationSettings&)>& change,
                                Merge merge) {
    return apply(field, merge, [&](Project& p) { change(p.consultation); });
}

bool Session::apply_consultation_defaults() {
    update();   // the defaults follow the procedure as sized now
    return apply("consultation.defaults", Merge::no, [&](Project& p) {
        const ResolvedSettings r = resolve_settings(p, derived_.procedure);
        ConsultationSettings& s = p.consultation;
        s.procedure = ProcedureForm::automatique;
        s.price_form = PriceForm::automatique;
        s.schedule = PriceSchedule::automatique;
        s.revision = PriceRevision::automatique;
        s.ccag = Ccag::automatique;
        s.sme_advance_percent = -1;
        s.guarantee = Guarantee::automatique;
        s.guarantee_percent = -1;
        s.staff_takeover = Toggle::automatique;
        s.ip = IpOption::automatique;
        s.personal_data = Toggle::automatique;
        p.payment_days = r.legal_payment_days;
        if (r.advance_compulsory && p.advance_percent < 5) p.advance_percent = 5;
    });
}

bool Session::set_contract_form(ContractForm form) {
    return apply("consultation.contract", Merge::no, [&](Project& p) {
        p.consultation.contract = form;
        if (form != ContractForm::ordinaire && p.consultation.framework_max <= 0)
            p.consultation.framework_max = total_estimated_value(p);
    });
}

bool Session::set_clause_lot(const std::string& clause_id, int lot) {
    auto it = std::find_if(project_.clauses.begin(), project_.clauses.end(), [&](const ChosenClause& c) { return c.id == clause_id; });
    if (it == project_.clauses.end() || lot < 0 || size_t(lot) > project_.lots.size()) return false;
    const size_t index = size_t(it - project_.clauses.begin());
    return apply("clauses." + clause_id + ".lot", Merge::no, [&](Project& p) { p.clauses[index].lot = lot; });
}

bool Session::add_cpv(const std::string& code) {
    const std::string digits = code.substr(0, 8);
    if (std::find(project_.need.cpv.begin(), project_.need.cpv.end(), digits) != project_.need.cpv.end()) return false;
    return apply("besoin.cpv", Merge::no, [&](Project& p) {
        p.need.cpv.push_back(digits);
        if (trim(p.need.family).empty())
            if (const Family* f = family_for_cpv(library(), digits)) p.need.family = f->id;
    });
}

bool Session::remove_cpv(size_t index) {
    if (index >= project_.need.cpv.size()) return false;
    return apply("besoin.cpv", Merge::no, [&](Project& p) { p.need.cpv.erase(p.need.cpv.begin() + long(index)); });
}

bool Session::restore_version(int version, std::string& error) {
    Project p;
    if (!host_.store || !load_version(*host_.store, id_, version, p, error)) {
        if (!host_.store) error = "Aucun stockage n'est disponible.";
        return false;
    }
    return apply("versions.restore", Merge::no, [&](Project& current) { current = std::move(p); });
}

// Moves the project one step through its history: its current state goes onto `to`, the top of `from` comes back.
bool Session::travel(std::vector<Project>& from, std::vector<Project>& to) {
    if (!owns_ || from.empty()) return false;
    to.push_back(std::move(project_));
    project_ = std::move(from.back());
    from.pop_back();
    typing_field_.clear();
    commit();
    return true;
}

bool Session::undo() { return travel(undo_, redo_); }
bool Session::redo() { return travel(redo_, undo_); }

// ---- saving ---------------------------------------------------------------------------------------------------

bool Session::write_version() {
    save_pending_ = false;
    if (!host_.store || !owns_ || id_.empty()) return false;
    const std::string at = host_.now_iso();
    refusal_ = autosave(*host_.store, id_, project_, at);
    if (refusal_ != StoreStatus::ok) {
        save_due_ = now() + host_.retry_delay_ms;   // the retry
        return false;
    }
    if (saved_generation_ != generation_) saved_at_ = at;
    saved_generation_ = generation_;
    set_last_opened(*host_.store, id_);
    return true;
}

double Session::tick() {
    const bool due = save_pending_ || storage_refused();
    if (due && now() >= save_due_) write_version();
    if (!save_pending_ && !storage_refused()) return -1;
    return std::max(0.0, save_due_ - now());
}

void Session::flush() {
    if (save_pending_ || storage_refused()) write_version();
}

// ---- two tabs -------------------------------------------------------------------------------------------------

bool Session::reload_latest(std::string& error) {
    Project p;
    if (!host_.store || !load_saved(*host_.store, id_, p, error)) return false;
    project_ = std::move(p);
    untouched_blank_ = false;
    undo_.clear();
    redo_.clear();
    typing_field_.clear();
    save_pending_ = false;
    changed();
    saved_generation_ = generation_;
    for (const StoredVersion& v : list_versions(*host_.store, id_)) {
        saved_at_ = v.saved_at;
        break;
    }
    return true;
}

void Session::storage_changed(const std::string& key) {
    if (!host_.store || id_.empty()) return;
    std::string error;
    if (key == owner_key(id_)) {
        std::string owner;
        if (owns_ && host_.store->get(owner_key(id_), owner) && owner != host_.tab) {
            flush();   // what was typed here just before is written, and reaches the new owner
            owns_ = false;
            message_ = "Ce projet vient d'être ouvert dans un autre onglet : cet onglet ne le modifie plus. "
                       "« Prendre la main » pour continuer ici avec la dernière version.";
        }
    } else if (key == meta_key(id_)) {
        if (!owns_ || generation_ == claimed_generation_) {
            // The owner wrote a version: follow it. Or this tab has just taken the project and the previous owner
            // wrote its last edits: start from them.
            if (reload_latest(error) && owns_) claimed_generation_ = generation_;
        } else {
            // Both tabs changed the project: the other tab's version stays in the history, this one is written on top.
            message_ = "Des modifications faites dans un autre onglet ont été gardées dans l'historique des versions "
                       "(« Mes projets ») ; les vôtres restent affichées et sont enregistrées.";
            save_pending_ = true;
            save_due_ = now();
        }
    } else if (storage_refused()) {
        save_due_ = now();   // another tab removed something: there may be room now
    }
}

bool Session::take_over(std::string& error) {
    const bool ok = reload_latest(error);
    claim();
    message_.clear();
    return ok;
}

std::string Session::take_message() {
    std::string m;
    m.swap(message_);
    return m;
}

}  // namespace clausier
