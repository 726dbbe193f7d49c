// Step 4 — Objectifs: the sustainable goals of the purchase, the ambition level, and the buyer's SPASER.
#include "widgets.h"
#include <algorithm>

namespace ui {

namespace {

// The SPASER commitments are a list edited as one text, a commitment per line.
std::string joined_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    for (size_t start = 0; start <= text.size();) {
        size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        std::string line = trim(text.substr(start, nl - start));
        if (!line.empty()) out.push_back(line);
        start = nl + 1;
    }
    return out;
}

}  // namespace

void step_objectifs() {
    const Project& p = session().project();
    heading("4. Objectifs de développement durable");
    why_box("Depuis le 21 août 2026, chaque marché comporte une condition d'exécution environnementale et un critère "
            "environnemental ; au-dessus des seuils européens, une condition sociale. Choisir ses objectifs ici oriente "
            "les clauses proposées à l'étape suivante.");
    subheading("Objectifs poursuivis");
    for (const Goal& g : session().library().goals) {
        bool on = std::find(p.goals.begin(), p.goals.end(), g.id) != p.goals.end();
        const std::string id = "objectifs.goals." + g.id;
        if (input_check(id, g.label.c_str(), on))
            session().edit(id, [&](Project& q) {
                if (on) q.goals.push_back(g.id);
                else q.goals.erase(std::remove(q.goals.begin(), q.goals.end(), g.id), q.goals.end());
            });
    }
    section_gap();
    enum_field("objectifs.ambition", "Niveau d'ambition", FIELD(p.ambition));
    section_gap();
    subheading("SPASER de l'acheteur");
    number_field("objectifs.annual_purchases", "Montant annuel des achats de l'acheteur HT (€)", FIELD(p.buyer.annual_purchases),
                 NumberKind::euros, 0, kMaxAmount);
    check_field("objectifs.spaser_adopted", "L'acheteur a adopté un SPASER", FIELD(p.buyer.spaser_adopted));
    if (p.buyer.spaser_adopted) {
        help_text("Engagements du SPASER concernés par cet achat (un par ligne).");
        std::string joined = joined_lines(p.buyer.spaser_commitments);
        if (input_text("objectifs.spaser_commitments", "Engagements", joined, "", true, 3))
            session().edit("objectifs.spaser_commitments", [&](Project& q) { q.buyer.spaser_commitments = split_lines(joined); },
                           Merge::typing);
    }
}

}  // namespace ui
