// Contracts coming up for renewal: the CSV list and the project pre-filled from one of them.
#include "opendata/decp_renewals.h"
#include "opendata/decp_internal.h"
#include "base/number.h"
#include "library/library.h"
#include <cmath>
#include <cstdio>
#include <iterator>

namespace clausier {

namespace {

// One CSV field: quoted when it holds the separator, a quote or a line end; a leading = + - @ neutralised.
std::string csv_cell(std::string_view raw) {
    std::string v = one_line(raw);
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v.insert(0, "'");
    if (v.find_first_of(";\"") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csv_amount(const DecpContract& c) {
    if (!c.value_trusted) return "";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f", c.value);
    std::string s = buf;
    const size_t dot = s.find('.');
    if (dot != std::string::npos) s[dot] = ',';
    return s;
}

std::string short_date(const Date& d) { return d.valid() ? short_french_date(d) : ""; }
const char* yes_no(DecpAnswer a) { return a == DecpAnswer::yes ? "oui" : a == DecpAnswer::no ? "non" : "non renseigné"; }

BuyerType buyer_type_from_siret(const std::string& siret) {
    if (siret.size() >= 9 && siret[0] == '1') return BuyerType::etat;
    if (siret.size() >= 9 && siret.compare(0, 2, "26") == 0) return BuyerType::etablissement_sante;
    return BuyerType::collectivite;
}

}  // namespace

std::string decp_renewals_csv(const DecpStats& s) {
    static const char* const kHeader[] = {
        "Fin prévue", "Acheteur (SIRET)", "Identifiant du marché", "Objet", "Code CPV", "Famille d’achat", "Nature",
        "Procédure", "Date de notification", "Durée (mois)", "Montant HT (€)", "Titulaire", "Lieu d’exécution",
        "Département", "Considération environnementale", "Considération sociale"};
    std::string out = "\xEF\xBB\xBF";
    for (size_t k = 0; k < std::size(kHeader); ++k) out += (k ? ";" : "") + csv_cell(kHeader[k]);
    out += "\r\n";
    for (const DecpRenewal& r : s.renewals) {
        const DecpContract& c = *r.contract;
        const DecpDetail& d = *r.detail;
        const std::string place = d.place_type.empty() ? d.place_code : d.place_code + " (" + d.place_type + ")";
        const std::string fields[] = {
            short_date(c.end), *r.buyer, d.id, d.object, d.cpv, r.family ? r.family->label : "", r.nature,
            decp_procedure_label(c.procedure), short_date(c.notification),
            c.duration_months > 0 ? std::to_string(c.duration_months) : "", csv_amount(c), d.holder, place,
            c.departement, yes_no(c.environmental), yes_no(c.social)};
        for (size_t k = 0; k < std::size(fields); ++k) out += (k ? ";" : "") + csv_cell(fields[k]);
        out += "\r\n";
    }
    return out;
}

Project project_from_renewal(const DecpRenewal& r, const Date& launch) {
    const DecpContract& c = *r.contract;
    const DecpDetail& d = *r.detail;
    const std::string object = trim(one_line(d.object));
    Project p;
    p.title = "Renouvellement — " + (object.empty() ? "marché n° " + d.id : object);
    p.buyer.name = r.buyer->empty() ? "" : "Acheteur n° SIRET " + *r.buyer;
    p.buyer.type = buyer_type_from_siret(*r.buyer);
    p.need.object = object;
    if (!parse_enum(r.nature, p.need.nature) && r.family && !r.family->natures.empty())
        parse_enum(r.family->natures.front(), p.need.nature);
    if (r.family) p.need.family = r.family->id;
    if (!d.cpv.empty()) p.need.cpv.push_back(d.cpv);
    if (c.duration_months > 0) p.need.duration_months = c.duration_months;
    p.need.launch_date = iso_date(launch);
    std::string origin = "Ce projet reprend le marché n° " + d.id;
    if (c.notification.valid()) origin += " notifié le " + french_date(c.notification);
    if (!d.holder.empty()) origin += " (titulaire : " + d.holder + ")";
    if (c.end.valid()) origin += ", qui arrive à échéance le " + french_date(c.end);
    origin += ", d'après les données essentielles publiées";
    if (c.value_trusted) origin += " ; son dernier montant connu est de " + french_euros(c.value) + " HT, avenants compris";
    origin += ". Avant de le relancer, interrogez le besoin : quantités réellement consommées, évolution des "
              "usages, possibilités de réemploi ou de mutualisation, et ce que le sourcing peut apprendre du marché "
              "actuel.";
    p.need.description = origin;
    if (c.value_trusted) {
        Lot lot;
        lot.title = object;
        lot.value = c.value;
        p.lots.push_back(lot);
    }
    return p;
}

}  // namespace clausier
