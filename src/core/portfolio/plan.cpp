// The « Programmation prévisionnelle des achats »: what a buyer publishes so that firms, SMEs and insertion
// structures can prepare (DOMAIN.md §7): object, lots, a range of estimated value (not the figure itself),
// the expected procedure, the launch quarter, the sustainable considerations planned and the reserved lots.
#include "portfolio/spaser.h"
#include "base/number.h"
#include "base/text.h"
#include "document/assemble.h"
#include <map>

namespace clausier {

namespace {

// Bands of estimated value, euros HT: a firm learns the order of magnitude, the buyer keeps its estimate.
std::string value_range(double v) {
    static const double kBands[] = {40000, 90000, 215000, 500000, 1000000, 5000000};
    double low = 0;
    for (double band : kBands) {
        if (v < band) return low == 0 ? "moins de " + french_euros(band) : "de " + french_euros(low) + " à " + french_euros(band);
        low = band;
    }
    return "plus de " + french_euros(low);
}

std::string quarter(const Date& d) {
    return d.valid() ? "T" + std::to_string((d.month - 1) / 3 + 1) + " " + std::to_string(d.year) : "à préciser";
}

std::string lots_label(const Project& p) {
    if (p.lots.size() <= 1) return "lot unique";
    std::vector<std::string> names;
    for (size_t i = 0; i < p.lots.size(); ++i) names.push_back(std::to_string(i + 1) + ". " + trim(p.lots[i].title));
    return join(names, " ; ");
}

std::string considerations_label(const Considerations& c) {
    std::vector<std::string> out;
    if (c.environmental()) out.push_back("environnementale");
    if (c.social()) out.push_back("sociale");
    return out.empty() ? "à définir" : join(out, " et ");
}

std::string reserved_label(const Project& p) {
    std::vector<std::string> out;
    for (size_t i = 0; i < p.lots.size(); ++i)
        if (!trim(p.lots[i].reserved).empty()) out.push_back("lot " + std::to_string(i + 1) + " (" + trim(p.lots[i].reserved) + ")");
    return out.empty() ? "non" : "oui : " + join(out, ", ");
}

std::string renewal_label(const Project& p) {
    const Date d = parse_date(p.need.renewed_end);
    return d.valid() ? "renouvelle un marché qui prend fin le " + french_date(d) : "";
}

// One line of the plan, its cells as text, in the order of kColumns.
std::vector<std::string> plan_cells(const PortfolioItem& it) {
    const Project& p = it.source->project;
    std::string object = trim(p.need.object).empty() ? trim(p.title) : trim(p.need.object);
    if (const std::string r = renewal_label(p); !r.empty()) object += " (" + r + ")";
    return {fr(object), fr(lots_label(p)), fr(value_range(it.value)), enum_label(it.procedure.procedure), quarter(it.launch),
            considerations_label(it.considerations), fr(reserved_label(p)), fr(trim(p.buyer.name))};
}

const char* const kColumns[] = {"Objet", "Lots", "Valeur estimée (HT)", "Procédure envisagée", "Lancement",
                                "Considérations durables prévues", "Lots réservés", "Contact"};

std::string csv_field(const std::string& s) {
    if (s.find_first_of(";\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

Document assemble_purchase_plan(const PortfolioSummary& s, const std::string& buyer, int year) {
    Document d;
    d.title = "Programmation prévisionnelle des achats";
    d.subtitle = fr(trim(buyer) + (year ? " — " + std::to_string(year) : ""));
    d.author = trim(buyer);
    d.date = year ? std::to_string(year) + "-01-01" : "";
    std::vector<Block>& b = d.blocks;
    b.push_back(paragraph(fr("Cette programmation annonce les consultations que l'acheteur prévoit de lancer, pour que les "
                             "entreprises, les PME et les structures de l'insertion et du handicap puissent s'y préparer. "
                             "Elle est indicative : elle n'engage pas l'acheteur à lancer chaque consultation, et les "
                             "documents de chaque consultation seuls font foi. Les valeurs sont données par tranche.")));
    // A summary firms scan, then each consultation with what they need to prepare.
    Block summary = table({text("Lancement"), text("Objet"), text("Valeur estimée (HT)"), text("Procédure envisagée")}, {},
                          {13, 47, 20, 20});
    std::vector<Block> details;
    for (const PortfolioItem& it : s.items) {
        const std::vector<std::string> c = plan_cells(it);   // in the order of kColumns
        summary.rows.push_back({text(c[4]), text(c[0]), text(c[2]), text(c[3])});
        details.push_back(heading(2, c[0]));
        std::vector<Inline> facts;
        for (size_t i : {size_t(1), size_t(5), size_t(6), size_t(7)}) facts.push_back(labelled(kColumns[i], c[i]));
        details.push_back(bullet_list(std::move(facts)));
    }
    b.push_back(fr_heading(1, "Consultations prévues"));
    if (summary.rows.empty()) b.push_back(paragraph(fr("Aucune consultation n'est programmée pour cette période.")));
    else b.push_back(std::move(summary));
    for (Block& x : details) b.push_back(std::move(x));
    // The timeline by quarter: how many consultations start in each.
    if (!s.launches_by_quarter.empty()) {
        b.push_back(fr_heading(1, "Calendrier par trimestre"));
        Block q = table({text("Trimestre"), text("Consultations lancées")}, {}, {50, 50});
        int most = 1;
        for (const auto& [quarter, n] : s.launches_by_quarter) most = std::max(most, n);
        std::vector<Bar> bars;
        for (const auto& [quarter, n] : s.launches_by_quarter) {
            const std::string label = quarter_label(quarter.first, quarter.second);
            q.rows.push_back({text(label), text(std::to_string(n))});
            bars.push_back({label, std::to_string(n), double(n) / most});
        }
        b.push_back(chart("Nombre de consultations lancées par trimestre", std::move(bars)));
        b.push_back(std::move(q));
    }
    return d;
}

std::string purchase_plan_csv(const PortfolioSummary& s) {
    std::string out = "\xEF\xBB\xBF";   // the BOM: spreadsheets then read UTF-8 accents right
    for (size_t i = 0; i < std::size(kColumns); ++i) out += (i ? ";" : "") + csv_field(kColumns[i]);
    out += "\r\n";
    for (const PortfolioItem& it : s.items) {
        const std::vector<std::string> cells = plan_cells(it);
        for (size_t i = 0; i < cells.size(); ++i) out += (i ? ";" : "") + csv_field(cells[i]);
        out += "\r\n";
    }
    return out;
}

}  // namespace clausier
