// The « Données essentielles (DECP) » screen. Files arrive whole from the platform (file picker or drop) and
// are fed to the core's DecpReader a slice at a time, a few milliseconds per frame, so that the page stays
// responsive, shows its progress and can stop. The indicators are the core's report (assemble_decp_report)
// drawn with the document view, its charts with ImGui's draw lists; the renewals are listed with
// « Créer un projet », which opens a new project through the Session (project_from_renewal).
#include "opendata.h"
#include "widgets.h"
#include "platform.h"
#include "document/assemble_decp.h"
#include "opendata/decp_renewals.h"
#include <algorithm>
#include <deque>
#include <memory>

namespace ui {

namespace {

constexpr size_t kSlice = size_t(1) << 20;   // bytes fed at a time
constexpr double kFrameBudgetMs = 30;         // reading time per frame, so that the page keeps drawing

struct PendingFile {
    std::string name;
    std::string bytes;
};

struct OpenData {
    bool shown = false;
    std::deque<PendingFile> queue;          // files received and not read yet; front() is being read
    size_t offset = 0;                       // bytes of front() fed
    bool file_begun = false;
    uint64_t queued_bytes = 0, read_bytes = 0;   // of the reading in progress: progress = read / queued
    std::unique_ptr<DecpReader> reader;      // every file read since the last « Effacer »
    std::unique_ptr<DecpStats> stats;        // views into reader->data(); rebuilt when idle and the filter changes
    Document report;
    std::string departement, buyer;          // the filters as typed
    std::string message;                     // French, after a cancel or a refused filter
};

OpenData& od() {
    static OpenData o;
    return o;
}

bool reading() { return !od().queue.empty(); }

// The filter as typed; a wrong département or SIRET is said once and left out.
DecpFilter current_filter() {
    OpenData& o = od();
    DecpFilter f;
    f.departement = decp_departement(o.departement);
    std::string digits;
    for (char c : o.buyer) if (c >= '0' && c <= '9') digits += c;
    if (digits.size() == 14 || digits.size() == 9) f.buyer = digits;
    return f;
}

void refresh_stats() {
    OpenData& o = od();
    if (!o.reader || reading()) return;
    o.stats = std::make_unique<DecpStats>(decp_stats(o.reader->data(), current_filter()));
    o.report = assemble_decp_report(*o.stats);
}

// Feeds the queued files for at most kFrameBudgetMs, then asks for another frame.
void read_some() {
    OpenData& o = od();
    if (o.queue.empty()) return;
    if (!o.reader) {
        DecpOptions options;
        options.today = today();
        o.reader = std::make_unique<DecpReader>(options);
    }
    o.stats.reset();   // its views would not survive the reader's growth
    const double until = platform::now_ms() + kFrameBudgetMs;
    while (!o.queue.empty() && platform::now_ms() < until) {
        PendingFile& f = o.queue.front();
        if (!o.file_begun) {
            o.reader->begin_file(f.name, f.bytes.size());
            o.file_begun = true;
        }
        const size_t n = std::min(kSlice, f.bytes.size() - o.offset);
        o.reader->feed(std::string_view(f.bytes).substr(o.offset, n));
        o.offset += n;
        o.read_bytes += n;
        if (o.offset == f.bytes.size()) {
            o.reader->end_file();
            o.queue.pop_front();
            o.offset = 0;
            o.file_begun = false;
        }
    }
    if (o.queue.empty()) {
        o.queued_bytes = o.read_bytes = 0;
        refresh_stats();
        show_notice("Données essentielles lues : " + std::to_string(o.reader->data().records) + " enregistrements.");
    }
    platform::request_redraw();
}

void cancel_reading() {
    OpenData& o = od();
    o.queue.clear();
    o.reader.reset();   // a file stopped in the middle would give partial figures: nothing read is kept
    o.stats.reset();
    o.offset = 0;
    o.file_begun = false;
    o.queued_bytes = o.read_bytes = 0;
    o.message = "Lecture annulée : aucun des fichiers de cette lecture n'est retenu. Rouvrez-les pour recommencer.";
}

void clear_all() {
    OpenData& o = od();
    o.reader.reset();
    o.stats.reset();
    o.report = Document{};
    o.message.clear();
}

void create_project(const DecpRenewal& r) {
    Project p = project_from_renewal(r, today());
    const std::string title = p.title;
    session().open_new(std::move(p));
    App& a = app();
    od().shown = false;
    if (a.mode == Mode::entreprise) set_mode(Mode::acheteur);
    a.selected_clause.clear();
    go_to(Step::besoin);
    show_notice("Projet créé : " + title);
}

// ---- drawing ------------------------------------------------------------------------------------------------

void files_section() {
    OpenData& o = od();
    help_text("Ouvrez un ou plusieurs fichiers de données essentielles (DECP) publiés sur data.gouv.fr, au format JSON "
              "réglementaire ou à l'ancien format, ou déposez-les sur cette page. Ils sont lus dans votre navigateur : "
              "rien n'est envoyé. Les fichiers ouverts ensemble ou l'un après l'autre sont lus ensemble.");
    ImGui::BeginDisabled(reading());
    if (button("decp.open", "Ouvrir des fichiers DECP…", true)) platform::pick_files(".json,application/json");
    ImGui::EndDisabled();
    if (o.reader && !reading()) {
        ImGui::SameLine();
        if (button("decp.clear", "Effacer")) clear_all();
    }
    if (reading()) {
        const float progress = o.queued_bytes ? float(double(o.read_bytes) / double(o.queued_bytes)) : 0.f;
        const std::string label = "Lecture de « " + o.queue.front().name + " » : " + std::to_string(int(progress * 100)) + " %";
        ImGui::ProgressBar(progress, ImVec2(-1, 0), label.c_str());
        register_item("decp.progress", false);
        sem_text(label);   // the progress, read by screen readers
        if (button("decp.cancel", "Annuler la lecture")) cancel_reading();
    }
    if (o.reader && !reading())
        for (const DecpFileResult& f : o.reader->data().files) {
            const std::string what = f.decp ? std::to_string(f.records) + " enregistrements" : std::string("non lu");
            ImGui::Bullet();   // wrapped: a file's refusal message can be long
            paragraph(f.name + " — " + what + (f.message.empty() ? "" : " : " + f.message));
        }
    if (!o.message.empty()) {
        ImGui::TextColored(palette().warning, "%s", o.message.c_str());
        register_item("decp.message", false);
    }
}

void filters_section() {
    OpenData& o = od();
    if (!ImGui::BeginTable("##decp-filters", 2, ImGuiTableFlags_SizingStretchSame)) return;
    ImGui::TableNextColumn();
    const bool dep = input_text("decp.departement", "Département du lieu d'exécution", o.departement, "35, 2A, 974…");
    ImGui::TableNextColumn();
    const bool buyer = input_text("decp.buyer", "Acheteur (SIRET ou SIREN)", o.buyer, "tous les acheteurs");
    ImGui::EndTable();
    if (dep || buyer) refresh_stats();
    if (!trim(o.departement).empty() && decp_departement(o.departement).empty())
        ImGui::TextColored(palette().error, "« %s » n'est pas un code de département : le filtre est ignoré.", o.departement.c_str());
    if (!trim(o.buyer).empty() && current_filter().buyer.empty())
        ImGui::TextColored(palette().error, "Un SIRET a 14 chiffres, un SIREN 9 : le filtre sur l'acheteur est ignoré.");
}

void renewals_section(const DecpStats& s) {
    const bool firm = app().mode == Mode::entreprise;
    help_text((firm ? std::string("Marchés susceptibles d'être relancés : ") : std::string("Marchés arrivant à échéance : ")) +
              std::to_string(s.renewals.size()) + " entre le " + french_date(s.today) + " et le " + french_date(s.renewal_until) +
              " (notification plus durée, avenants compris).");
    if (button("decp.renewals.csv", "Exporter en CSV")) download_file("echeances-decp.csv", "text/csv; charset=utf-8", decp_renewals_csv(s));
    ImGui::SameLine();
    if (button("decp.renewals.html", "Exporter en HTML"))
        download_file("echeances-decp.html", format_mime(Format::html), write_document(assemble_decp_renewals(s), Format::html));
    if (s.renewals.empty()) return;
    const int columns = firm ? 4 : 5;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("##decp-renewals", columns, flags, ImVec2(0, ImGui::GetFontSize() * 22))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Fin prévue", ImGuiTableColumnFlags_WidthStretch, 12);
    ImGui::TableSetupColumn("Objet", ImGuiTableColumnFlags_WidthStretch, 40);
    ImGui::TableSetupColumn("Montant HT", ImGuiTableColumnFlags_WidthStretch, 14);
    ImGui::TableSetupColumn("Acheteur, lieu", ImGuiTableColumnFlags_WidthStretch, 18);
    if (!firm) ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 16);
    ImGui::PushFont(font_bold());
    ImGui::TableHeadersRow();
    ImGui::PopFont();
    ImGuiListClipper clipper;
    clipper.Begin(int(s.renewals.size()));
    const DecpRenewal* chosen = nullptr;
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const DecpRenewal& r = s.renewals[size_t(i)];
            const DecpContract& c = *r.contract;
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(short_french_date(c.end).c_str());
            ImGui::TableNextColumn();
            wrapped_text(r.detail->object.empty() ? "(objet non publié)" : r.detail->object);
            if (r.family) help_text(r.family->label);
            ImGui::TableNextColumn();
            wrapped_text(c.value_trusted ? french_euros(c.value) : "non fiable");
            ImGui::TableNextColumn();
            wrapped_text(*r.buyer + (c.departement[0] ? " — " : "") + c.departement);
            if (!firm) {
                ImGui::TableNextColumn();
                if (small_button("decp.renewal.create." + std::to_string(i), "Créer un projet")) chosen = &r;
            }
            ImGui::PopID();
        }
    ImGui::EndTable();
    if (chosen) create_project(*chosen);
}

void problems_section(const DecpStats& s) {
    help_text(std::to_string(s.problems_total) + " problèmes relevés. Chaque enregistrement est compté ou écarté avec sa "
              "raison ; une valeur douteuse est tenue hors des sommes qu'elle fausserait.");
    const size_t shown = std::min<size_t>(s.problems.size(), 200);
    for (size_t i = 0; i < shown; ++i) {
        const DecpProblem& p = *s.problems[i];
        wrapped_text(p.file + (p.id.empty() ? "" : ", marché ") + p.id + " — " + p.field + " : " + p.message);
    }
    if (s.problems.size() > shown) help_text("Les " + std::to_string(shown) + " premiers sont affichés ; le rapport les compte tous.");
}

void results_section() {
    OpenData& o = od();
    if (!o.stats) return;
    const DecpStats& s = *o.stats;
    section_gap();
    for (const auto& [label, f] : {std::pair<const char*, Format>{"Rapport DOCX", Format::docx}, {"Rapport ODT", Format::odt},
                                   {"Rapport HTML", Format::html}}) {
        if (button(std::string("decp.report.") + format_extension(f), label))
            download_file(std::string("indicateurs-decp.") + format_extension(f), format_mime(f), write_document(o.report, f));
        ImGui::SameLine();
    }
    ImGui::NewLine();
    if (!ImGui::BeginTabBar("##decp-tabs")) return;
    // Each tab is registered right after BeginTabItem, while it is still ImGui's last item.
    const std::string renewals = "Échéances (" + std::to_string(s.renewals.size()) + ")###renewals";
    const std::string problems = "Problèmes (" + std::to_string(s.problems_total) + ")###problems";
    const struct {
        const char* id;
        const std::string label;
        void (*draw)(const DecpStats&);
    } tabs[] = {{"decp.tab.indicators", "Indicateurs", [](const DecpStats&) { document_view(od().report, false); }},
                {"decp.tab.renewals", renewals, renewals_section},
                {"decp.tab.problems", problems, problems_section}};
    for (const auto& tab : tabs) {
        const bool open = ImGui::BeginTabItem(tab.label.c_str(), nullptr, take_activation(tab.id) ? ImGuiTabItemFlags_SetSelected : 0);
        sem_begin("decp.tabs", Role::tablist, "Résultats");
        record_item(tab.id, Role::tab, tab.label.substr(0, tab.label.find("###")), "", open ? sem_selected : sem_none);
        sem_end();
        if (!open) continue;
        sem_begin(std::string(tab.id) + ".content", Role::tabpanel, tab.label.substr(0, tab.label.find("###")));
        tab.draw(s);
        sem_end();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace

bool opendata_shown() { return od().shown && app().mode != Mode::formation; }

void toggle_opendata() {
    od().shown = !opendata_shown();
    if (od().shown && app().mode == Mode::formation) set_mode(Mode::acheteur);
    platform::announce(od().shown ? "Données essentielles (DECP)" : "Retour au projet");
}

bool opendata_take_file(const std::string& name, const std::string& content) {
    if (!opendata_shown()) return false;
    OpenData& o = od();
    o.message.clear();
    o.queue.push_back({name, content});
    o.queued_bytes += content.size();
    platform::request_redraw();
    return true;
}

void opendata_screen() {
    read_some();
    heading(app().mode == Mode::entreprise ? "Marchés publics du territoire (DECP)" : "Données essentielles (DECP)");
    if (button("decp.close", "Retour au projet")) toggle_opendata();
    files_section();
    if (od().reader && !reading()) filters_section();
    results_section();
}

const DecpData* opendata_data() { return od().reader && !reading() ? &od().reader->data() : nullptr; }

json opendata_state() {
    const OpenData& o = od();
    json state = {{"shown", opendata_shown()},
                  {"reading", reading()},
                  {"progress", o.queued_bytes ? double(o.read_bytes) / double(o.queued_bytes) : 0.0},
                  {"message", o.message},
                  {"files", json::array()},
                  {"stats", nullptr}};
    if (!o.stats) return state;
    json stats = decp_stats_to_json(*o.stats);
    state["files"] = stats["files"];
    stats.erase("problems");   // counted in problems_total; the list can be long
    state["stats"] = std::move(stats);
    return state;
}

void chart_view(const Block& b) {
    ImGui::PushFont(font_bold());
    wrapped_text(inline_text(b.text));
    ImGui::PopFont();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float em = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    const float bar_room = std::max(em * 6, width - em * 7);   // room for the figure after the longest bar
    const float origin = ImGui::GetCursorScreenPos().x;
    const float top = ImGui::GetCursorScreenPos().y;
    const ImU32 bar = ImGui::GetColorU32(palette().primary), target = ImGui::GetColorU32(palette().error);
    for (const Bar& bar_data : b.bars) {
        wrapped_text(bar_data.label);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = std::max(bar_data.value > 0 ? 2.f : 0.f, float(bar_data.value) * bar_room);
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + em * 0.9f), bar);
        ImGui::Dummy(ImVec2(w, em * 0.9f));
        ImGui::SameLine(0, em * 0.4f);
        ImGui::TextUnformatted(bar_data.shown.c_str());
    }
    if (b.target >= 0) {
        const float x = origin + float(b.target) * bar_room;
        dl->AddLine(ImVec2(x, top), ImVec2(x, ImGui::GetCursorScreenPos().y), target, 2.f);
        ImGui::TextColored(palette().error, "— %s", b.target_label.c_str());
    }
}

}  // namespace ui
