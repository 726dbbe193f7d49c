// clausier decp stats FILE... [--buyer SIRET] [--from AAAA-MM-JJ] [--to AAAA-MM-JJ] [--today AAAA-MM-JJ]
//                             [--departement DEP] [--json]
// Reads published essential data (DECP) and prints the responsible-purchasing indicators (../shared/CLI.md).
// Exit 0 when at least one file could be read as DECP, 1 when none could, 2 on bad usage.
#include "opendata/decp.h"
#include "base/clock.h"
#include <iostream>

namespace clausier {

namespace {

struct DecpUsage {
    std::string message;
};

struct DecpArgs {
    std::vector<std::string> files;
    DecpFilter filter;
    Date today;
    bool json = false;
};

Date date_option(const std::string& name, const std::string& value) {
    const Date d = parse_date(value);
    if (!d.valid()) throw DecpUsage{name + " attend une date au format AAAA-MM-JJ (reçu « " + value + " »)."};
    return d;
}

DecpArgs parse_decp_args(int argc, char** argv) {
    DecpArgs a;
    if (argc < 3 || std::string(argv[2]) != "stats")
        throw DecpUsage{"Précisez « stats » après « decp » : clausier decp stats FICHIER... --json."};
    for (int i = 3; i < argc; ++i) {
        const std::string s = argv[i];
        if (s == "--json") { a.json = true; continue; }
        if (s.size() < 2 || s[0] != '-') { a.files.push_back(s); continue; }
        if (s != "--buyer" && s != "--from" && s != "--to" && s != "--today" && s != "--departement")
            throw DecpUsage{"Option inconnue pour decp stats : " + s + "."};
        if (i + 1 >= argc) throw DecpUsage{"L'option " + s + " attend une valeur."};
        const std::string v = argv[++i];
        if (s == "--buyer") {
            std::string digits;
            for (char c : v) if (c != ' ') digits += c;
            const bool ok = (digits.size() == 14 || digits.size() == 9) && digits.find_first_not_of("0123456789") == std::string::npos;
            if (!ok) throw DecpUsage{"--buyer attend le SIRET de l'acheteur (14 chiffres) ou son SIREN (9 chiffres)."};
            a.filter.buyer = digits;
        } else if (s == "--departement") {
            a.filter.departement = decp_departement(v);
            if (a.filter.departement.empty()) throw DecpUsage{"--departement attend un code de département : 35, 2A, 974…"};
        } else {
            const Date d = date_option(s, v);
            (s == "--from" ? a.filter.from : s == "--to" ? a.filter.to : a.today) = d;
        }
    }
    if (a.files.empty()) throw DecpUsage{"Précisez au moins un fichier : clausier decp stats FICHIER... --json."};
    if (a.filter.from.valid() && a.filter.to.valid() && a.filter.from.key() > a.filter.to.key())
        throw DecpUsage{"--from (" + iso_date(a.filter.from) + ") est postérieure à --to (" + iso_date(a.filter.to) + ")."};
    return a;
}

std::string percent(double part, double whole) { return whole > 0 ? french_percent(part / whole * 100) : "–"; }

void print_text(const DecpStats& s) {
    const DecpTally& t = s.total;
    std::cout << "Données essentielles : " << s.records << " enregistrements lus, " << s.contracts << " marchés retenus ("
              << s.duplicates << " publications en double, " << s.set_aside << " enregistrements écartés).\n"
              << "Valeur : " << french_euros(t.value) << " HT, sur " << t.valued << " marchés au montant fiable.\n"
              << "Considération environnementale : " << t.environmental << " marchés (" << percent(double(t.environmental), double(t.contracts))
              << "), considération sociale : " << t.social << " (" << percent(double(t.social), double(t.contracts)) << ").\n"
              << "Considérations non renseignées : " << s.blank_considerations << " marchés.\n";
    for (const DecpTarget& g : s.targets)
        std::cout << "Objectif : " << g.label << " en " << g.year << " : " << french_percent(g.share * 100) << ".\n";
    std::cout << "Marchés dont la fin tombe d'ici le " << french_date(s.renewal_until) << " : " << s.renewals.size() << ".\n"
              << "Problèmes relevés : " << s.problems_total << " (le détail est dans --json).\n";
}

}  // namespace

// The `decp` command; main.cpp dispatches to it before its own argument parsing.
int run_decp(int argc, char** argv) {
    try {
        const DecpArgs a = parse_decp_args(argc, argv);
        DecpOptions options;
        options.today = a.today.valid() ? a.today : today();
        DecpReader reader(options);
        read_decp_files(a.files, reader);
        const DecpData data = reader.take();
        if (!data.any_decp()) {
            const std::string first = data.files.empty() ? "" : data.files.front().message;
            std::cerr << (data.files.size() == 1 ? first
                                                 : "Aucun des " + std::to_string(data.files.size()) +
                                                       " fichiers ne peut être lu comme des données essentielles (DECP) ; par exemple : " + first)
                      << "\n";
            return 1;
        }
        const DecpStats stats = decp_stats(data, a.filter);
        if (a.json) std::cout << decp_stats_to_json(stats).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        else print_text(stats);
        return 0;
    } catch (const DecpUsage& u) {
        std::cerr << u.message << "\n";
        return 2;
    }
}

}  // namespace clausier
