// clausier portfolio PROJECT... [--year YYYY] [--spaser FILE] --json — a buyer's year: several project files
// read together (../shared/CLI.md). With --document plan|spaser|bilan-spaser --format html|md|docx|odt|csv
// -o FILE it writes the year's documents instead (docs/cli.md); --decp FILE (repeatable) adds the buyer's published
// contract data to the « Bilan annuel du SPASER ». Exit 1 when a file cannot be read (with its
// name), 2 on bad usage.
#include "cli.h"
#include "export/export.h"
#include "portfolio/spaser.h"
#include "opendata/decp.h"
#include "base/number.h"
#include <fstream>
#include <iostream>
#include <sstream>

namespace clausier {

namespace {

struct PortfolioArgs {
    std::vector<std::string> files;
    int year = 0;
    bool json = false;
    std::string spaser, document, format, out;
    std::vector<std::string> decp;   // published DECP files for the SPASER report
};

struct PortfolioUsage {
    std::string message;
};

PortfolioArgs parse_portfolio_args(int argc, char** argv) {
    PortfolioArgs a;
    for (int i = 2; i < argc; ++i) {
        const std::string s = argv[i];
        if (s == "--json") { a.json = true; continue; }
        if (s.size() < 2 || s[0] != '-') { a.files.push_back(s); continue; }
        if (s != "--year" && s != "--spaser" && s != "--document" && s != "--format" && s != "-o" && s != "--decp")
            throw PortfolioUsage{"Option inconnue pour portfolio : " + s + "."};
        if (i + 1 >= argc) throw PortfolioUsage{"L'option " + s + " attend une valeur."};
        const std::string v = argv[++i];
        if (s == "--year") {
            if (v.size() != 4 || v.find_first_not_of("0123456789") != std::string::npos)
                throw PortfolioUsage{"--year attend une année sur quatre chiffres (2027)."};
            a.year = std::stoi(v);
        } else if (s == "--spaser") {
            a.spaser = v;
        } else if (s == "--decp") {
            a.decp.push_back(v);
        } else if (s == "--document") {
            a.document = v;
        } else if (s == "--format") {
            a.format = v;
        } else {
            a.out = v;
        }
    }
    if (a.files.empty()) throw PortfolioUsage{"Précisez au moins un fichier projet : clausier portfolio PROJET... --json."};
    if (!a.document.empty()) {
        if (a.document != "plan" && a.document != "spaser" && a.document != "bilan-spaser")
            throw PortfolioUsage{"--document attend plan, spaser ou bilan-spaser."};
        if (a.out.empty()) throw PortfolioUsage{"-o FICHIER (fichier à écrire) est obligatoire avec --document."};
        Format f;
        if (a.format != "csv" && !(parse_enum(a.format, f) && !is_data_format(f)))
            throw PortfolioUsage{"--format attend html, md, docx, odt (ou csv pour le plan)."};
        if (a.format == "csv" && a.document != "plan") throw PortfolioUsage{"Le format csv n'existe que pour --document plan."};
    }
    if (!a.decp.empty() && a.document != "bilan-spaser")
        throw PortfolioUsage{"--decp ne sert qu'au bilan du SPASER : ajoutez --document bilan-spaser."};
    return a;
}

bool read_text(const std::string& path, std::string& text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
    return true;
}

}  // namespace

bool cli::read_spaser_file(const std::string& path, Spaser& s, std::string& error) {
    std::string text;
    if (!read_text(path, text)) { error = "Impossible de lire le fichier « " + path + " »."; return false; }
    try {
        if (spaser_from_json(json::parse(text), s, error)) return true;
    } catch (const json::exception&) {
        error = "son contenu n'est pas du JSON valide";
    }
    error = path + " : " + error;
    return false;
}

namespace {

// The SPASER of --spaser, else a starter one with the national targets for the portfolio's buyer.
bool load_spaser(const PortfolioArgs& a, const std::string& buyer, Spaser& s, std::string& error) {
    if (a.spaser.empty()) {
        s = starter_spaser(buyer, a.year ? a.year : 2027);
        return true;
    }
    return cli::read_spaser_file(a.spaser, s, error);
}

int write_document_file(const PortfolioArgs& a, const PortfolioSummary& s, const std::string& buyer) {
    std::string bytes;
    if (a.format == "csv") {
        bytes = purchase_plan_csv(s);
    } else {
        Format f;
        parse_enum(a.format, f);
        Document d;
        if (a.document == "plan") {
            d = assemble_purchase_plan(s, buyer, a.year);
        } else {
            Spaser sp;
            std::string error;
            if (!load_spaser(a, buyer, sp, error)) { std::cerr << error << "\n"; return 1; }
            if (a.document == "spaser") {
                d = assemble_spaser(sp);
            } else {
                DecpReader reader;
                read_decp_files(a.decp, reader);
                const DecpData data = reader.take();
                if (!a.decp.empty() && !data.any_decp()) {
                    std::cerr << "Aucun des fichiers --decp ne peut être lu comme des données essentielles (DECP) : "
                              << data.files.front().message << "\n";
                    return 1;
                }
                d = assemble_spaser_report(sp, s, a.year, a.decp.empty() ? nullptr : &data);
            }
        }
        bytes = write_document(d, f);
    }
    std::ofstream out(a.out, std::ios::binary);
    if (!out || !out.write(bytes.data(), std::streamsize(bytes.size()))) {
        std::cerr << "Impossible d'écrire le fichier « " << a.out << " ».\n";
        return 1;
    }
    return 0;
}

}  // namespace

int run_portfolio(int argc, char** argv) {
    PortfolioArgs a;
    try {
        a = parse_portfolio_args(argc, argv);
    } catch (const PortfolioUsage& u) {
        std::cerr << u.message << "\n";
        return 2;
    }
    std::vector<PortfolioProject> projects;
    for (const std::string& f : a.files) {
        PortfolioProject pp;
        pp.file = f;
        std::string error;
        if (!cli::read_project_file(f, pp.project, error)) {
            std::cerr << error << "\n";
            return 1;
        }
        projects.push_back(std::move(pp));
    }
    const PortfolioSummary s = summarize_portfolio(projects, a.year);
    const std::string buyer = trim(projects.front().project.buyer.name);
    if (!a.document.empty()) return write_document_file(a, s, buyer);
    if (a.json) {
        std::cout << portfolio_to_json(s).dump(2, ' ', false, json::error_handler_t::replace) << "\n";
        return 0;
    }
    for (const PortfolioItem& it : s.items)
        std::cout << (it.launch.valid() ? iso_date(it.launch) : "sans date ") << "  " << french_euros(it.value) << " HT  "
                  << it.source->project.title << " (" << enum_label(it.status) << ")\n";
    std::cout << counted(s.items.size(), "projet", "projets") << ", " << french_euros(s.value) << " HT ; considération environnementale : "
              << s.environmental.contracts << ", sociale : " << s.social.contracts << "\n";
    for (const Finding& f : s.findings) std::cout << "[" << enum_name(f.severity) << "] " << f.message << "\n";
    return 0;
}

}  // namespace clausier
