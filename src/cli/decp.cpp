// clausier decp stats FILE... [--buyer SIRET] [--from AAAA-MM-JJ] [--to AAAA-MM-JJ] [--today AAAA-MM-JJ]
//                             [--departement DEP] [--json]
// clausier decp report FILE... [same filters] --format html|docx|odt|md --out FILE
// clausier decp renewals FILE... [same filters] [--csv | --html | --json] [--out FILE]
// Reads published essential data (DECP) and prints the responsible-purchasing indicators (../shared/CLI.md),
// writes the report « Indicateurs des données essentielles », or lists the contracts coming up for renewal
// (docs/cli.md). Exit 0 when at least one file could be read as DECP, 1 when none could (or the output cannot
// be written), 2 on bad usage.
#include "opendata/decp.h"
#include "opendata/decp_renewals.h"
#include "document/assemble_decp.h"
#include "export/export.h"
#include "base/clock.h"
#include <fstream>
#include <iostream>

namespace clausier {

namespace {

struct DecpUsage {
    std::string message;
};

struct DecpArgs {
    std::string command;                 // stats | report | renewals
    std::vector<std::string> files;
    DecpFilter filter;
    Date today;
    bool json = false, csv = false, html = false;
    std::string format, out;             // report: --format, --out (renewals: --out)
};

Date date_option(const std::string& name, const std::string& value) {
    const Date d = parse_date(value);
    if (!d.valid()) throw DecpUsage{name + " attend une date au format AAAA-MM-JJ (reçu « " + value + " »)."};
    return d;
}

const char* const kUsage = "clausier decp stats|report|renewals FICHIER... (voir docs/cli.md)";

DecpArgs parse_decp_args(int argc, char** argv) {
    DecpArgs a;
    a.command = argc >= 3 ? argv[2] : "";
    if (a.command != "stats" && a.command != "report" && a.command != "renewals")
        throw DecpUsage{std::string("Précisez « stats », « report » ou « renewals » après « decp » : ") + kUsage + "."};
    for (int i = 3; i < argc; ++i) {
        const std::string s = argv[i];
        const bool flag = s == "--json" || s == "--csv" || s == "--html";
        if (flag && (a.command == "report" || (s != "--json" && a.command == "stats")))
            throw DecpUsage{"Option inconnue pour decp " + a.command + " : " + s + "."};
        if (s == "--json") { a.json = true; continue; }
        if (s == "--csv") { a.csv = true; continue; }
        if (s == "--html") { a.html = true; continue; }
        if (s.size() < 2 || s[0] != '-') { a.files.push_back(s); continue; }
        const bool output = s == "--format" || s == "--out" || s == "-o";
        if ((s != "--buyer" && s != "--from" && s != "--to" && s != "--today" && s != "--departement" && !output) ||
            (output && a.command == "stats") || (s == "--format" && a.command != "report"))
            throw DecpUsage{"Option inconnue pour decp " + a.command + " : " + s + "."};
        if (i + 1 >= argc) throw DecpUsage{"L'option " + s + " attend une valeur."};
        const std::string v = argv[++i];
        if (s == "--format") a.format = v;
        else if (output) a.out = v;
        else if (s == "--buyer") {
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
    if (a.files.empty()) throw DecpUsage{"Précisez au moins un fichier : clausier decp " + a.command + " FICHIER..."};
    if (a.filter.from.valid() && a.filter.to.valid() && a.filter.from.key() > a.filter.to.key())
        throw DecpUsage{"--from (" + iso_date(a.filter.from) + ") est postérieure à --to (" + iso_date(a.filter.to) + ")."};
    if (a.command == "report") {
        Format f;
        if (!parse_enum(a.format, f) || is_data_format(f)) throw DecpUsage{"--format attend html, docx, odt ou md."};
        if (a.out.empty()) throw DecpUsage{"--out FICHIER (le rapport à écrire) est obligatoire."};
    }
    if (int(a.json) + int(a.csv) + int(a.html) > 1) throw DecpUsage{"Choisissez un seul format de sortie : --csv, --html ou --json."};
    return a;
}

// Writes `bytes` to `out`, or to the standard output when `out` is empty. False when the file cannot be written.
bool emit(const std::string& out, const std::string& bytes) {
    if (out.empty()) {
        std::cout << bytes;
        return bool(std::cout);
    }
    std::ofstream f(out, std::ios::binary);
    return f && f.write(bytes.data(), std::streamsize(bytes.size()));
}

std::string renewals_text(const DecpStats& s) {
    std::string out = "Marchés dont la fin tombe entre le " + french_date(s.today) + " et le " + french_date(s.renewal_until) + " : " +
                      std::to_string(s.renewals.size()) + ".\n";
    for (const DecpRenewal& r : s.renewals) {
        const DecpContract& c = *r.contract;
        out += short_french_date(c.end) + "  " + (r.detail->object.empty() ? "(objet non publié)" : one_line(r.detail->object)) + "  — " +
               (c.value_trusted ? french_euros(c.value) + " HT" : "montant non fiable") + ", acheteur " + *r.buyer +
               (c.departement[0] ? ", département " + std::string(c.departement) : "") + "\n";
    }
    return out;
}

// The output of `decp report` and `decp renewals`.
std::string output_bytes(const DecpArgs& a, const DecpStats& stats) {
    if (a.command == "report") {
        Format f = Format::html;
        parse_enum(a.format, f);
        return write_document(assemble_decp_report(stats), f);
    }
    if (a.csv) return decp_renewals_csv(stats);
    if (a.html) return write_document(assemble_decp_renewals(stats), Format::html);
    if (a.json) return decp_stats_to_json(stats)["renewals"].dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    return renewals_text(stats);
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
        if (a.command != "stats") {
            if (emit(a.out, output_bytes(a, stats))) return 0;
            std::cerr << "Impossible d'écrire le fichier « " << a.out << " ».\n";
            return 1;
        }
        if (a.json) std::cout << decp_stats_to_json(stats).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        else print_text(stats);
        return 0;
    } catch (const DecpUsage& u) {
        std::cerr << u.message << "\n";
        return 2;
    }
}

}  // namespace clausier
