#include "document/package.h"
#include "base/date.h"
#include "base/text.h"
#include "document/assemble.h"
#include "law/legal.h"

namespace clausier {

namespace {

json inline_json(const Inline& runs) {
    json a = json::array();
    for (const Run& r : runs) a.push_back({{"style", enum_name(r.style)}, {"text", r.text}});
    return a;
}

json inlines_json(const std::vector<Inline>& list) {
    json a = json::array();
    for (const Inline& i : list) a.push_back(inline_json(i));
    return a;
}

// Reading: every value is checked for its type; a wrong one fails with the key it was found at.
struct PackageReader {
    std::string error;
    bool fail(const std::string& where) {
        if (error.empty()) error = "Ce dossier publié est illisible : la valeur « " + where + " » n'a pas la forme attendue.";
        return false;
    }
    bool text(const json& j, const char* key, std::string& out, const std::string& where) {
        if (!j.contains(key)) return true;
        if (!j[key].is_string()) return fail(where + "." + key);
        out = clean_text(j[key].get<std::string>());
        return true;
    }
    bool runs(const json& j, Inline& out, const std::string& where) {
        if (!j.is_array()) return fail(where);
        for (const json& r : j) {
            if (!r.is_object() || !r.contains("text") || !r["text"].is_string()) return fail(where);
            Run run;
            const json style = r.value("style", json("plain"));
            if (!style.is_string() || !parse_enum(style.get<std::string>(), run.style)) return fail(where + ".style");
            run.text = run.style == Run::line_break ? "\n" : clean_text(r["text"].get<std::string>());
            out.push_back(std::move(run));
        }
        return true;
    }
    bool runs_list(const json& j, const char* key, std::vector<Inline>& out, const std::string& where) {
        if (!j.contains(key)) return true;
        if (!j[key].is_array()) return fail(where + "." + key);
        for (const json& i : j[key]) {
            Inline in;
            if (!runs(i, in, where + "." + key)) return false;
            out.push_back(std::move(in));
        }
        return true;
    }
    bool block(const json& j, Block& b, const std::string& where) {
        if (!j.is_object() || !j.contains("kind") || !j["kind"].is_string()) return fail(where);
        if (!parse_enum(j["kind"].get<std::string>(), b.kind)) return fail(where + ".kind");
        if (j.contains("level")) {
            if (!j["level"].is_number_integer() || j["level"].get<int>() < 1 || j["level"].get<int>() > 3) return fail(where + ".level");
            b.level = j["level"].get<int>();
        }
        if (j.contains("text") && !runs(j["text"], b.text, where + ".text")) return false;
        if (!runs_list(j, "items", b.items, where) || !runs_list(j, "header", b.header, where)) return false;
        if (j.contains("rows")) {
            if (!j["rows"].is_array()) return fail(where + ".rows");
            for (const json& row : j["rows"]) {
                std::vector<Inline> cells;
                if (!row.is_array()) return fail(where + ".rows");
                for (const json& c : row) {
                    Inline in;
                    if (!runs(c, in, where + ".rows")) return false;
                    cells.push_back(std::move(in));
                }
                if (!b.header.empty() && cells.size() != b.header.size()) return fail(where + ".rows");
                b.rows.push_back(std::move(cells));
            }
        }
        if (j.contains("widths")) {
            if (!j["widths"].is_array()) return fail(where + ".widths");
            for (const json& w : j["widths"]) {
                if (!w.is_number_integer() || w.get<int>() < 1 || w.get<int>() > 100) return fail(where + ".widths");
                b.widths.push_back(w.get<int>());
            }
            if (b.widths.size() != b.header.size()) b.widths.clear();
        }
        if (!text(j, "anchor", b.anchor, where)) return false;
        if (j.contains("targets")) {
            if (!j["targets"].is_array()) return fail(where + ".targets");
            for (const json& t : j["targets"]) {
                if (!t.is_string()) return fail(where + ".targets");
                b.targets.push_back(clean_text(t.get<std::string>()));
            }
        }
        if (j.contains("levels")) {
            if (!j["levels"].is_array()) return fail(where + ".levels");
            for (const json& l : j["levels"]) {
                if (!l.is_number_integer()) return fail(where + ".levels");
                b.levels.push_back(l.get<int>());
            }
        }
        return true;
    }
};

std::vector<std::string> lot_lines(const Project& p) {
    std::vector<std::string> out;
    for (size_t i = 0; i < p.lots.size() && p.lots.size() >= 2; ++i)
        out.push_back("Lot " + std::to_string(i + 1) + " – " + trim(p.lots[i].title));
    return out;
}

}  // namespace

json document_to_json(const Document& d) {
    json blocks = json::array();
    for (const Block& b : d.blocks) {
        if (b.kind == Block::chart) continue;   // left out: its figures are in the table beside it (document.h)
        json j = {{"kind", enum_name(b.kind)}};
        if (b.kind == Block::heading) j["level"] = b.level;
        if (!b.text.empty()) j["text"] = inline_json(b.text);
        if (!b.items.empty()) j["items"] = inlines_json(b.items);
        if (!b.header.empty()) j["header"] = inlines_json(b.header);
        if (!b.rows.empty()) {
            j["rows"] = json::array();
            for (const auto& row : b.rows) j["rows"].push_back(inlines_json(row));
        }
        if (!b.widths.empty()) j["widths"] = b.widths;
        if (!b.anchor.empty()) j["anchor"] = b.anchor;
        if (!b.targets.empty()) j["targets"] = b.targets;
        if (!b.levels.empty()) j["levels"] = b.levels;
        blocks.push_back(std::move(j));
    }
    json meta = json::array();
    for (const auto& [label, value] : d.metadata) meta.push_back({label, value});
    return {{"title", d.title}, {"subtitle", d.subtitle}, {"author", d.author}, {"date", d.date},
            {"running_header", d.running_header}, {"metadata", meta}, {"blocks", blocks}};
}

bool document_from_json(const json& j, Document& out, std::string& error) {
    PackageReader r;
    Document d;
    if (!j.is_object()) r.fail("document");
    else if (!r.text(j, "title", d.title, "document") || !r.text(j, "subtitle", d.subtitle, "document") ||
             !r.text(j, "author", d.author, "document") || !r.text(j, "date", d.date, "document") ||
             !r.text(j, "running_header", d.running_header, "document")) {
    } else if (j.contains("metadata") && !j["metadata"].is_array()) r.fail("document.metadata");
    else {
        for (const json& m : j.value("metadata", json::array())) {
            if (!m.is_array() || m.size() != 2 || !m[0].is_string() || !m[1].is_string()) { r.fail("document.metadata"); break; }
            d.metadata.push_back({clean_text(m[0].get<std::string>()), clean_text(m[1].get<std::string>())});
        }
        const json blocks = j.value("blocks", json::array());
        if (!blocks.is_array()) r.fail("document.blocks");
        for (size_t i = 0; r.error.empty() && blocks.is_array() && i < blocks.size(); ++i) {
            Block b;
            if (r.block(blocks[i], b, "document.blocks[" + std::to_string(i + 1) + "]")) d.blocks.push_back(std::move(b));
        }
    }
    if (!r.error.empty()) {
        error = r.error;
        return false;
    }
    out = std::move(d);
    return true;
}

std::string write_package(const Project& p) {
    const ProcedureResult procedure = project_procedure(p);
    const Document firm = assemble_document(p, DocumentKind::entreprise, procedure, {});
    const Document dce = assemble_document(p, DocumentKind::dce, procedure, {});
    const ResolvedSettings r = resolve_settings(p, procedure);
    const std::string deadline = r.deadline.valid() ? french_date(r.deadline) + " à " + trim(r.s.tender_deadline_time) : "";
    json manifest = {{"reference", trim(r.s.reference)}, {"buyer", trim(p.buyer.name)}, {"object", trim(p.need.object)},
                     {"procedure", enum_label(r.s.procedure)}, {"contract", enum_label(r.s.contract)},
                     {"deadline", deadline}, {"buyer_profile_url", trim(r.s.buyer_profile_url)}, {"lots", lot_lines(p)}};
    const json doc = {{"format", kPackageFormat}, {"schema_version", kPackageSchemaVersion}, {"manifest", manifest},
                      {"fiche_entreprise", document_to_json(firm)}, {"dce", document_to_json(dce)}};
    return doc.dump(2) + "\n";
}

bool is_package_text(std::string_view text) {
    // Unescaped quotes around the key and the value cannot come from inside a JSON string: only the package's
    // own "format" key reads so (a project says "clausier-projet"). read_package checks the rest.
    const std::string value = std::string("\"") + kPackageFormat + "\"";
    return text.find("\"format\": " + value) != std::string_view::npos || text.find("\"format\":" + value) != std::string_view::npos;
}

bool read_package(std::string_view text, DcePackage& out, std::string& error) {
    if (text.size() > kMaxProjectBytes * 4 || !json_depth_within(text, kMaxJsonDepth)) {
        error = "Ce dossier publié est trop volumineux ou trop imbriqué pour être ouvert.";
        return false;
    }
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (!j.is_object() || j.value("format", "") != kPackageFormat) {
        error = "Ce fichier n'est pas un dossier de consultation publié par Clausier.";
        return false;
    }
    if (!j.contains("schema_version") || !j["schema_version"].is_number_integer() ||
        j["schema_version"].get<int>() > kPackageSchemaVersion) {
        error = "Ce dossier publié vient d'une version plus récente de Clausier : mettez l'application à jour.";
        return false;
    }
    DcePackage pkg;
    PackageReader r;
    const json m = j.value("manifest", json::object());
    if (!m.is_object()) r.fail("manifest");
    PackageManifest& man = pkg.manifest;
    const std::pair<const char*, std::string*> fields[] = {
        {"reference", &man.reference}, {"buyer", &man.buyer}, {"object", &man.object}, {"procedure", &man.procedure},
        {"contract", &man.contract}, {"deadline", &man.deadline}, {"buyer_profile_url", &man.buyer_profile_url}};
    for (const auto& [key, field] : fields)
        if (m.is_object() && !r.text(m, key, *field, "manifest")) break;
    if (r.error.empty() && m.is_object() && m.contains("lots")) {
        if (!m["lots"].is_array()) r.fail("manifest.lots");
        else for (const json& l : m["lots"]) {
            if (!l.is_string()) { r.fail("manifest.lots"); break; }
            man.lots.push_back(clean_text(l.get<std::string>()));
        }
    }
    if (!r.error.empty()) {
        error = r.error;
        return false;
    }
    if (!j.contains("fiche_entreprise") || !document_from_json(j["fiche_entreprise"], pkg.firm_sheet, error)) {
        if (error.empty()) error = "Ce dossier publié ne contient pas de fiche pour les entreprises.";
        return false;
    }
    if (j.contains("dce") && !document_from_json(j["dce"], pkg.dce, error)) return false;
    out = std::move(pkg);
    return true;
}

}  // namespace clausier
