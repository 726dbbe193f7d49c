#include "project/award.h"

namespace clausier {

namespace {

const EnumEntry<ProjectStatus> kStatuses[] = {
    {ProjectStatus::preparation, "preparation", "En préparation"},
    {ProjectStatus::publie, "publie", "Publié"},
    {ProjectStatus::attribue, "attribue", "Attribué"},
    {ProjectStatus::execution, "execution", "En exécution"},
    {ProjectStatus::clos, "clos", "Clos"}};
const EnumEntry<CommitmentStatus> kCommitmentStatuses[] = {
    {CommitmentStatus::a_suivre, "a-suivre", "À suivre"},
    {CommitmentStatus::tenu, "tenu", "Tenu"},
    {CommitmentStatus::en_retard, "en-retard", "En retard"},
    {CommitmentStatus::non_tenu, "non-tenu", "Non tenu"}};
// Labels are the DECP values (schema_decp_v2.0.3.json), written as such in the export.
const EnumEntry<OperatorGroup> kGroups[] = {
    {OperatorGroup::aucun, "aucun", "Pas de groupement"},
    {OperatorGroup::conjoint, "conjoint", "Conjoint"},
    {OperatorGroup::solidaire, "solidaire", "Solidaire"}};
const EnumEntry<PlaceCodeType> kPlaceTypes[] = {
    {PlaceCodeType::code_postal, "code-postal", "Code postal"},
    {PlaceCodeType::code_commune, "code-commune", "Code commune"},
    {PlaceCodeType::code_departement, "code-departement", "Code département"},
    {PlaceCodeType::code_region, "code-region", "Code région"},
    {PlaceCodeType::code_pays, "code-pays", "Code pays"}};
const EnumEntry<InsertionPublic> kPublics[] = {
    {InsertionPublic::demandeur_longue_duree, "demandeur-longue-duree", "Demandeurs d'emploi de longue durée"},
    {InsertionPublic::minima_sociaux, "minima-sociaux", "Allocataires de minima sociaux"},
    {InsertionPublic::jeune, "jeune", "Jeunes de moins de 26 ans sans qualification"},
    {InsertionPublic::travailleur_handicape, "travailleur-handicape", "Travailleurs handicapés"},
    {InsertionPublic::senior, "senior", "Demandeurs d'emploi de plus de 50 ans"},
    {InsertionPublic::iae, "iae", "Salariés de structures d'insertion (SIAE)"},
    {InsertionPublic::autre, "autre", "Autres publics validés par le facilitateur"}};

}  // namespace

template <> EnumNames<ProjectStatus> enum_names<ProjectStatus>() { return kStatuses; }
template <> EnumNames<CommitmentStatus> enum_names<CommitmentStatus>() { return kCommitmentStatuses; }
template <> EnumNames<OperatorGroup> enum_names<OperatorGroup>() { return kGroups; }
template <> EnumNames<PlaceCodeType> enum_names<PlaceCodeType>() { return kPlaceTypes; }
template <> EnumNames<InsertionPublic> enum_names<InsertionPublic>() { return kPublics; }

std::string siret_digits(std::string_view typed) {
    std::string digits;
    for (char c : typed) {
        if (c >= '0' && c <= '9') digits += c;
        else if (c != ' ' && c != '.' && c != '\t') return "";
    }
    return digits;
}

std::string siret_problem(std::string_view typed) {
    const std::string d = siret_digits(typed);
    if (d.size() != 14) return "un SIRET compte 14 chiffres";
    // The Luhn key of INSEE; La Poste's establishments (SIREN 356000000) use the sum of the digits instead.
    int sum = 0;
    for (size_t i = 0; i < 14; ++i) {
        int x = d[i] - '0';
        if (i % 2 == 0) { x *= 2; if (x > 9) x -= 9; }
        sum += x;
    }
    int plain = 0;
    for (char c : d) plain += c - '0';
    const bool ok = d.compare(0, 9, "356000000") == 0 ? plain % 5 == 0 : sum % 10 == 0;
    return ok ? "" : "la clé de contrôle de ce SIRET est fausse (un chiffre mal recopié ?)";
}

bool awarded(const Award& a) {
    for (const LotAward& l : a.lots)
        if (!l.notification_date.empty()) return true;
    return false;
}

bool execution_started(const Execution& e) {
    return !e.insertion.empty() || !e.egalim_period.empty() || !e.commitments.empty();
}

ProjectStatus project_status(const Award& a, const Execution& e) {
    if (!e.closed_date.empty()) return ProjectStatus::clos;
    if (execution_started(e)) return ProjectStatus::execution;
    if (awarded(a)) return ProjectStatus::attribue;
    if (!a.published_date.empty()) return ProjectStatus::publie;
    return ProjectStatus::preparation;
}

double insertion_hours_done(const Execution& e) {
    double h = 0;
    for (const InsertionDone& i : e.insertion) h += i.hours;
    return h;
}

}  // namespace clausier
