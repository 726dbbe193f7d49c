// Step 4 — Objectifs: the sustainable goals of the purchase, the ambition level, and the buyer's SPASER.
#include "widgets.h"
#include <algorithm>

namespace ui {

void step_objectifs() {
    Project& p = app().project;
    const Library& lib = bundled_library();
    heading("4. Objectifs de développement durable");
    why_box("Depuis le 21 août 2026, chaque marché comporte une condition d'exécution environnementale et un critère "
            "environnemental ; au-dessus des seuils européens, une condition sociale. Choisir ses objectifs ici oriente "
            "les clauses proposées à l'étape suivante.");
    subheading("Objectifs poursuivis");
    for (const Goal& g : lib.goals) {
        bool on = std::find(p.goals.begin(), p.goals.end(), g.id) != p.goals.end();
        if (check_field("objectifs.goals." + g.id, g.label.c_str(), on)) {
            if (on) p.goals.push_back(g.id);
            else p.goals.erase(std::remove(p.goals.begin(), p.goals.end(), g.id), p.goals.end());
        }
    }
    section_gap();
    enum_field("objectifs.ambition", "Niveau d'ambition", p.ambition);
    section_gap();
    subheading("SPASER de l'acheteur");
    number_field("objectifs.annual_purchases", "Montant annuel des achats de l'acheteur HT (€)", p.buyer.annual_purchases, 1e6, "%.0f", 0, 1e12);
    check_field("objectifs.spaser_adopted", "L'acheteur a adopté un SPASER", p.buyer.spaser_adopted);
    if (p.buyer.spaser_adopted) {
        help_text("Engagements du SPASER concernés par cet achat (un par ligne).");
        std::string joined;
        for (const auto& c : p.buyer.spaser_commitments) joined += (joined.empty() ? "" : "\n") + c;
        if (text_field("objectifs.spaser_commitments", "Engagements", joined, "", true, 3)) {
            p.buyer.spaser_commitments.clear();
            size_t start = 0;
            while (start <= joined.size()) {
                size_t nl = joined.find('\n', start);
                if (nl == std::string::npos) nl = joined.size();
                std::string line = trim(joined.substr(start, nl - start));
                if (!line.empty()) p.buyer.spaser_commitments.push_back(line);
                start = nl + 1;
            }
        }
    }
}

}  // namespace ui
