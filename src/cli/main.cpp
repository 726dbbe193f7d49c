// clausier — the command-line face of the core. The contract (commands, flags, JSON keys, exit codes) is
// ../shared/CLI.md: extend it, never rename. Exit 0 on success, 1 when the input is invalid, 2 on bad usage;
// every failure prints one French sentence on stderr.
#include "checks/checks.h"
#include "document/package.h"
#include "export/export.h"
#include "law/legal.h"
#include "library/library.h"
#include "library/recommend.h"
#include "base/clock.h"
#include "project/scenarios.h"
#include "cli.h"
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <optional>
#include <iostream>
#include <sstream>

using namespace clausier;

namespace clausier { int run_decp(int argc, char** argv); }   // src/cli/decp.cpp
namespace clausier { int run_portfolio(int argc, char** argv); }   // src/cli/portfolio.cpp

namespace {

struct Usage {   // thrown for bad usage (exit 2)
    std::string message;
};

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;   // --name value
    std::vector<std::string> flags;                // --name

    bool flag(const std::string& f) const { return std::find(flags.begin(), flags.end(), f) != flags.end(); }
    std::string option(const std::string& o, const std::string& fallback = "") const {
        auto it = options.find(o);
        return it == options.end() ? fallback : it->second;
    }
};

// Options that take a value; everything else starting with "--" is a flag.
const char* const kValueOptions[] = {"--buyer", "--nature", "--amount", "--date", "--cpv", "--format", "--document", "-o", "--spaser"};
const char* const kFlags[] = {"--json", "--social-services", "--help"};

// Option values are normalised to NFC like every text entering the core; file names (positional arguments
// and -o) are kept byte for byte: a file is called whatever its file system holds.
Args parse_args(int argc, char** argv, int first) {
    Args a;
    for (int i = first; i < argc; ++i) {
        std::string s = argv[i];
        bool is_value_option = std::find(std::begin(kValueOptions), std::end(kValueOptions), s) != std::end(kValueOptions);
        bool is_flag = std::find(std::begin(kFlags), std::end(kFlags), s) != std::end(kFlags);
        if (is_value_option) {
            if (i + 1 >= argc) throw Usage{"L'option " + s + " attend une valeur."};
            a.options[s] = s == "-o" ? std::string(argv[i + 1]) : nfc(argv[i + 1]);
            ++i;
        } else if (is_flag) {
            a.flags.push_back(s);
        } else if (s.size() > 1 && s[0] == '-') {
            throw Usage{"Option inconnue : " + s + "."};
        } else {
            a.positional.push_back(s);
        }
    }
    return a;
}

void print_json(const json& j) { std::cout << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n"; }

int fail(const std::string& sentence) {
    std::cerr << sentence << "\n";
    return 1;
}

}  // namespace

constexpr std::streamoff kMaxProjectFileBytes = 64 << 20;

bool clausier::cli::read_project_file(const std::string& path, Project& p, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) { error = "Impossible de lire le fichier « " + path + " »."; return false; }
    in.seekg(0, std::ios::end);
    if (in.tellg() > kMaxProjectFileBytes) { error = "Le fichier « " + path + " » est trop volumineux pour un projet (plus de 64 Mo)."; return false; }
    in.seekg(0);
    std::stringstream ss;
    ss << in.rdbuf();
    if (!project_from_text(ss.str(), p, error)) { error = path + " : " + error; return false; }
    return true;
}

namespace {

using cli::read_project_file;

int cmd_procedure(const Args& a) {
    ProcedureInput in;
    if (!parse_enum(a.option("--buyer"), in.buyer)) throw Usage{"--buyer attend " + enum_choices<BuyerType>(false) + "."};
    if (!parse_enum(a.option("--nature"), in.nature)) throw Usage{"--nature attend " + enum_choices<Nature>(false) + "."};
    if (!a.options.count("--amount")) throw Usage{"--amount (montant estimé en euros HT) est obligatoire."};
    std::string why;   // French amounts as the app reads them: « 250000 », « 250 000 », « 59 999,50 € HT »
    if (!parse_number(a.option("--amount"), NumberKind::euros, in.amount, why)) throw Usage{"--amount : " + why};
    in.date = today();   // « 2027-01-15 » or « 15/01/2027 »
    if (a.options.count("--date") && !parse_french_date(a.option("--date"), in.date, why)) throw Usage{"--date : " + why};
    // Social and other specific services: the flag, or a CPV code of the list annexed to the code (R.2123-1 3°).
    in.social_services = a.flag("--social-services") || (in.nature == Nature::services && social_services_cpv(a.option("--cpv")));
    ProcedureResult r = size_procedure(in);
    if (a.flag("--json")) print_json(procedure_to_json(r));
    else std::cout << enum_name(r.procedure) << " (" << enum_name(r.publicity) << ")\n" << r.explanation << "\n";
    return 0;
}

bool load_library_arg(const Args& a, size_t index, Library& lib, std::vector<LibraryProblem>& problems, std::string& error) {
    std::vector<SourceFile> files;
    if (a.positional.size() > index) {
        if (!read_library_folder(a.positional[index], files, error)) return false;
    } else {
        files = bundled_library_files();
    }
    load_library(files, lib, problems);
    return true;
}

int cmd_library(const Args& a) {
    if (a.positional.empty()) throw Usage{"Précisez check, stats ou list après « library »."};
    const std::string sub = a.positional[0];
    if (sub != "check" && sub != "stats" && sub != "list") throw Usage{"Sous-commande inconnue : library " + sub + "."};
    Library lib;
    std::vector<LibraryProblem> problems;
    std::string error;
    if (!load_library_arg(a, 1, lib, problems, error)) return fail(error);
    if (sub == "check") {
        for (const LibraryProblem& p : problems)
            std::cout << p.file << (p.clause.empty() ? "" : " [" + p.clause + "]") << " : " << p.message
                      << (p.structural() ? "" : " (règle « " + p.rule + " », clauses/README.md)") << "\n";
        if (!problems.empty())
            return fail("La bibliothèque contient " + std::to_string(problems.size()) + " problème(s) : voir la liste ci-dessus.");
        std::cout << "Bibliothèque valide : " << lib.clauses.size() << " clauses, " << lib.families.size()
                  << " familles, " << lib.articles.size() << " articles.\n";
        return 0;
    }
    // Drafting problems leave the clauses usable: only a structural one stops stats and list.
    for (const LibraryProblem& p : problems)
        if (p.structural()) return fail(p.file + " [" + p.clause + "] : " + p.message);
    if (sub == "stats") {
        print_json(stats_to_json(library_stats(lib)));
        return 0;
    }
    json list = json::array();
    for (const Clause& c : lib.clauses) list.push_back(clause_to_list_json(c, lib));
    print_json({{"clauses", list}});
    return 0;
}

int cmd_check(const Args& a) {
    if (a.positional.empty()) throw Usage{"Précisez le fichier projet : clausier check PROJET.json --json."};
    Project p;
    std::string error;
    if (!read_project_file(a.positional[0], p, error)) return fail(error);
    std::optional<Spaser> spaser;   // --spaser FILE: the project measured against the buyer's SPASER too
    if (a.options.count("--spaser") && !cli::read_spaser_file(a.option("--spaser"), spaser.emplace(), error)) return fail(error);
    const std::vector<Finding> findings = run_checks(p, project_procedure(p), bundled_library(), bundled_legal_data(), bundled_rules(),
                                                     spaser ? &*spaser : nullptr);
    if (a.flag("--json")) print_json(findings_to_json(findings));
    else for (const Finding& f : findings) {
        const std::string cited = bundled_library().citations(f.articles);
        std::cout << "[" << enum_name(f.severity) << "] " << f.where() << " : " << f.message << (cited.empty() ? "" : " (" + cited + ")")
                  << (f.action != FindingAction::none ? std::string(" [") + enum_label(f.action) + "]" : "") << "\n";
    }
    return 0;
}

// clausier rules doc: the rule table of docs/rules.md; clausier rules example ID fires|quiet: that example's project.
int cmd_rules(const Args& a) {
    const std::string sub = a.positional.empty() ? "" : a.positional[0];
    if (sub == "doc") {
        std::cout << rules_markdown(bundled_rules());
        return 0;
    }
    if (sub == "example" && a.positional.size() == 3) {
        const RuleInfo* r = bundled_rules().find(a.positional[1]);
        if (!r) return fail("Règle inconnue : « " + a.positional[1] + " ».");
        const json project = rule_example(bundled_rules(), *r, a.positional[2].c_str());
        if (project.is_null()) return fail("La règle « " + r->id + " » n'a pas d'exemple « " + a.positional[2] + " » (fires ou quiet).");
        print_json(project);
        return 0;
    }
    throw Usage{"Précisez « rules doc » ou « rules example RÈGLE fires|quiet »."};
}

int cmd_recommend(const Args& a) {
    if (a.positional.empty()) throw Usage{"Précisez le fichier projet : clausier recommend PROJET.json --json."};
    Project p;
    std::string error;
    if (!read_project_file(a.positional[0], p, error)) return fail(error);
    const std::vector<Recommendation> recs = recommend(p, project_procedure(p));
    if (a.flag("--json")) print_json(recommendations_to_json(recs));
    else for (size_t i = 0; i < recs.size() && i < 20; ++i)
        std::cout << recs[i].clause->id << "  " << recs[i].clause->title << "\n";
    return 0;
}

int cmd_export(const Args& a) {
    if (a.positional.empty()) throw Usage{"Précisez le fichier projet : clausier export PROJET.json --format html -o FICHIER."};
    Format format = Format::html;  // overwritten by parse_enum; initialised for the compiler
    if (!parse_enum(a.option("--format"), format)) throw Usage{"--format attend " + enum_choices<Format>(false) + "."};
    DocumentKind kind = DocumentKind::dce;
    if (a.options.count("--document") && !parse_enum(a.option("--document"), kind))
        throw Usage{"--document attend " + enum_choices<DocumentKind>(false) + "."};
    const std::string out = a.option("-o");
    if (out.empty()) throw Usage{"-o FICHIER (fichier à écrire) est obligatoire."};
    Project p;
    std::string error;
    if (!read_project_file(a.positional[0], p, error)) return fail(error);
    if (const std::string missing = export_problem(p, format); !missing.empty()) return fail(a.positional[0] + " : " + missing);
    const std::string bytes = export_project(p, format, kind);
    std::ofstream f(out, std::ios::binary);
    if (!f || !f.write(bytes.data(), std::streamsize(bytes.size())))
        return fail("Impossible d'écrire le fichier « " + out + " ».");
    return 0;
}

// The published DCE package (document/package.h): what a firm opens in the Entreprise mode.
int cmd_package(const Args& a) {
    if (a.positional.empty()) throw Usage{"Précisez le fichier projet : clausier package PROJET.json -o DOSSIER.json."};
    const std::string out = a.option("-o");
    if (out.empty()) throw Usage{"-o FICHIER (fichier à écrire) est obligatoire."};
    Project p;
    std::string error;
    if (!read_project_file(a.positional[0], p, error)) return fail(error);
    const std::string bytes = write_package(p);
    std::ofstream f(out, std::ios::binary);
    if (!f || !f.write(bytes.data(), std::streamsize(bytes.size())))
        return fail("Impossible d'écrire le fichier « " + out + " ».");
    return 0;
}

int cmd_scenario(const Args& a) {
    if (a.positional.empty()) throw Usage{"Précisez list ou show NOM après « scenario »."};
    if (a.positional[0] == "list") {
        for (const Scenario& s : bundled_scenarios()) std::cout << s.name << "\t" << s.title << "\n";
        return 0;
    }
    if (a.positional[0] == "show") {
        if (a.positional.size() < 2) throw Usage{"Précisez le nom du scénario : clausier scenario show NOM."};
        const Scenario* s = find_scenario(a.positional[1]);
        if (!s) return fail("Scénario inconnu : « " + a.positional[1] + " » (voir clausier scenario list).");
        std::cout << s->text;
        return 0;
    }
    throw Usage{"Sous-commande inconnue : scenario " + a.positional[0] + "."};
}

const char* const kHelp =
    "clausier — préparer une consultation responsable (commande publique)\n\n"
    "  clausier procedure --buyer etat|collectivite|etablissement-sante|entite-adjudicatrice\n"
    "                     --nature fournitures|services|travaux\n"
    "                     --amount EUROS [--date AAAA-MM-JJ] [--social-services | --cpv CODE] [--json]\n"
    "                     (montant en euros HT écrit à la française : 250000, 250 000 ou 59 999,50 € HT ;\n"
    "                      date AAAA-MM-JJ ou JJ/MM/AAAA)\n"
    "  clausier library check|stats|list [DOSSIER] [--json]\n"
    "  clausier check PROJET.json [--spaser SPASER.json] [--json]\n"
    "  clausier rules doc | example RÈGLE fires|quiet\n"
    "  clausier recommend PROJET.json [--json]\n"
    "  clausier export PROJET.json --format html|md|docx|odt|json|ocds|decp [--document dce|entreprise|synthese|sourcing|execution] -o FICHIER\n"
    "  clausier package PROJET.json -o DOSSIER.json   (dossier publié, ouvert par le mode Entreprise)\n"
    "  clausier portfolio PROJET... [--year AAAA] [--json]\n"
    "  clausier scenario list | show NOM\n"
    "  clausier decp stats FICHIER... [--buyer SIRET] [--from AAAA-MM-JJ] [--to AAAA-MM-JJ] [--today AAAA-MM-JJ] [--departement DEP] [--json]\n";

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "help") {
        std::cout << kHelp;
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    if (command == "decp") return run_decp(argc, argv);
    if (command == "portfolio") return run_portfolio(argc, argv);
    try {
        Args a = parse_args(argc, argv, 2);
        if (a.flag("--help")) { std::cout << kHelp; return 0; }
        if (command == "procedure") return cmd_procedure(a);
        if (command == "library") return cmd_library(a);
        if (command == "check") return cmd_check(a);
        if (command == "rules") return cmd_rules(a);
        if (command == "recommend") return cmd_recommend(a);
        if (command == "export") return cmd_export(a);
        if (command == "scenario") return cmd_scenario(a);
        if (command == "package") return cmd_package(a);
        throw Usage{"Commande inconnue : " + command + " (voir clausier --help)."};
    } catch (const Usage& u) {
        std::cerr << u.message << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "Erreur inattendue : " << e.what() << "\n";
        return 1;
    }
}
