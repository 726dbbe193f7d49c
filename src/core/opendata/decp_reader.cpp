// The streaming DECP reader: framing → parsing → judging each record, then keeping one contract per
// (buyer, id). A second publication of the same contract (republished after a modification, or found in two
// files) is not a new contract: the most recent one is kept, its blanks filled from the other.
#include "opendata/decp_internal.h"
#include "base/clock.h"
#include "library/library.h"
#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace clausier {

using namespace decp;

bool DecpData::any_decp() const {
    return std::any_of(files.begin(), files.end(), [](const DecpFileResult& f) { return f.decp; });
}

struct DecpReader::Impl : FramerSink {
    DecpData data;
    Framer framer;
    RawRecord raw;
    Judged judged;
    std::unique_ptr<FamilyIndex> families;
    RecordContext ctx;
    std::unordered_map<std::string, uint32_t> by_key;   // contract_key(buyer, id) → contract
    std::unordered_map<std::string, uint32_t> buyer_index;
    DecpFileResult file;
    bool in_file = false;
    uint64_t fed = 0;
    size_t repaired = 0;   // records of the current file read after repair

    explicit Impl(DecpOptions options) {
        if (!options.today.valid()) options.today = today();
        if (!options.library) options.library = &bundled_library();
        data.options = options;
        data.buyers.push_back("");
        buyer_index.emplace("", 0);
        families = std::make_unique<FamilyIndex>(*options.library);
        ctx.today = options.today;
        ctx.renewal_until = add_months(options.today, options.renewal_months);
        ctx.families = families.get();
    }

    void add_problem(DecpProblem p) {
        ++data.problems_total;
        ++data.problems_by_field[p.field];
        if (data.options.max_problems == 0 || data.problems.size() < data.options.max_problems) data.problems.push_back(std::move(p));
    }

    void file_problem(const std::string& message) {
        add_problem({file.name, 0, "", "", "fichier", french_typography(message), -1});
    }

    // A record that cannot be kept as a contract.
    void set_aside(const std::string& field, const std::string& message, const std::string& id = "") {
        ++data.set_aside;
        add_problem({file.name, file.records, id, "", field, french_typography(message), -1});
    }

    size_t next_record() {
        ++data.records;
        return ++file.records;
    }

    void record(std::string_view text, RecordKind kind) override {
        ctx.position = next_record();
        size_t error_at = 0;
        if (!parse_record(text, raw, error_at)) {
            size_t again = 0;
            if (!parse_record(repair_record_text(text), raw, again)) {
                set_aside("enregistrement", "Enregistrement n° " + std::to_string(file.records) + " : JSON invalide (erreur vers le " +
                                                std::to_string(error_at) + "e octet de l'enregistrement) ; écarté.",
                          value_text(raw.id));
                return;
            }
            ++repaired;
        }
        judge_record(raw, kind, ctx, judged);
        if (!judged.kept) {
            ++data.set_aside;
            for (DecpProblem& p : judged.problems) add_problem(std::move(p));
            return;
        }
        keep();
    }

    void not_an_object(RecordKind) override {
        next_record();
        set_aside("enregistrement", "L'enregistrement n° " + std::to_string(file.records) +
                                        " n'est pas un objet JSON (mais une chaîne, un nombre, une liste ou null) ; écarté.");
    }

    void oversize(RecordKind) override {
        next_record();
        set_aside("enregistrement", "L'enregistrement n° " + std::to_string(file.records) + " dépasse " +
                                        std::to_string(kMaxRecordBytes >> 20) + " Mo, quand un marché en occupe quelques kilo-octets ; écarté.");
    }

    uint32_t intern_buyer(const std::string& siret) {
        const auto [it, added] = buyer_index.try_emplace(siret, uint32_t(data.buyers.size()));
        if (added) data.buyers.push_back(siret);
        return it->second;
    }

    bool in_window(const Date& end) const {
        return end.valid() && end.key() >= ctx.today.key() && end.key() <= ctx.renewal_until.key();
    }

    int32_t push_detail() {
        data.details.push_back(std::move(judged.detail));
        return int32_t(data.details.size() - 1);
    }

    // The key of a contract: its buyer's index (4 bytes) then its id, short enough to live inside the
    // std::string itself for most ids (no allocation per contract).
    static std::string contract_key(uint32_t buyer, std::string_view id) {
        std::string key(reinterpret_cast<const char*>(&buyer), sizeof buyer);
        key += id;
        return key;
    }

    void keep() {
        judged.contract.buyer = intern_buyer(judged.buyer);
        uint32_t index = uint32_t(data.contracts.size());
        bool fresh = judged.id.empty();
        if (!fresh) {
            const auto [it, added] = by_key.try_emplace(contract_key(judged.contract.buyer, judged.id), index);
            fresh = added;
            index = it->second;
        }
        if (fresh) {
            if (judged.renewal_candidate) judged.contract.detail = push_detail();
            data.contracts.push_back(judged.contract);
        } else {
            ++data.duplicates;
            merge(data.contracts[index]);
        }
        for (DecpProblem& p : judged.problems) {
            p.contract = int32_t(index);
            add_problem(std::move(p));
        }
    }

    // Two publications of one contract: the one with more modifications, else the later publication date,
    // else the one read last, is the contract's current state; what it leaves blank comes from the other.
    void merge(DecpContract& kept) {
        DecpContract& fresh = judged.contract;
        if (kept.notification.valid() && fresh.notification.valid() && kept.notification.key() != fresh.notification.key())
            judged.problems.push_back({file.name, file.records, judged.id, judged.buyer, "dateNotification",
                                       french_typography("Marché publié plusieurs fois avec des dates de notification différentes (" +
                                                         french_date(kept.notification) + " et " + french_date(fresh.notification) +
                                                         ") : la publication la plus récente est retenue."),
                                       -1});
        const bool newer = fresh.modifications != kept.modifications ? fresh.modifications > kept.modifications
                                                                      : fresh.published.key() >= kept.published.key();
        DecpContract winner = newer ? fresh : kept;
        const DecpContract& other = newer ? kept : fresh;
        fill_blanks(winner, other);
        // The texts for the renewal list: those of the publication kept, else the other's.
        winner.detail = -1;
        if (in_window(winner.end)) {
            if (newer) winner.detail = judged.renewal_candidate ? push_detail() : kept.detail;
            else winner.detail = kept.detail >= 0 ? kept.detail : judged.renewal_candidate ? push_detail() : -1;
        }
        kept = winner;
    }

    static void fill_blanks(DecpContract& w, const DecpContract& o) {
        if (!w.value_trusted && o.value_trusted) { w.value = o.value; w.value_trusted = true; }
        if (!w.notification.valid()) w.notification = o.notification;
        if (w.duration_months == 0) w.duration_months = o.duration_months;
        if (!w.end.valid()) w.end = w.notification.valid() && w.duration_months > 0 ? add_months(w.notification, w.duration_months) : o.end;
        if (w.offers == 0) w.offers = o.offers;
        if (w.family < 0) w.family = o.family;
        if (w.procedure == DecpProcedure::unknown) w.procedure = o.procedure;
        for (auto [a, b] : {std::pair{&w.environmental, o.environmental}, {&w.social, o.social}, {&w.advance, o.advance},
                            {&w.subcontracting, o.subcontracting}})
            if (*a == DecpAnswer::unknown) *a = b;
        if (!w.departement[0]) std::copy(std::begin(o.departement), std::end(o.departement), w.departement);
        w.modifications = std::max(w.modifications, o.modifications);
        if (o.published.key() > w.published.key()) w.published = o.published;
    }

    void begin(std::string name, uint64_t size) {
        if (in_file) end();
        framer.reset();
        file = DecpFileResult();
        file.name = std::move(name);
        file.bytes = size;
        fed = 0;
        repaired = 0;
        in_file = true;
        ctx.file = file.name;
    }

    void end() {
        bool cut = false;
        const Framer::Verdict verdict = framer.finish(cut);
        file.bytes = fed;
        file.decp = framer.saw_envelope();
        const std::string quoted = "« " + file.name + " »";
        if (cut) {
            next_record();
            set_aside("enregistrement", "Le fichier s'arrête au milieu de l'enregistrement n° " + std::to_string(file.records) + " ; écarté.");
        }
        switch (verdict) {
            case Framer::Verdict::complete: break;
            case Framer::Verdict::truncated:
                file.message = "Le fichier " + quoted + " est tronqué : les enregistrements lus avant la coupure sont comptés.";
                break;
            case Framer::Verdict::not_json:
                file.message = framer.looks_like_xml() ? "Le fichier " + quoted + " est en XML : Clausier lit les données essentielles au format JSON."
                                                       : "Le fichier " + quoted + " n'est pas un fichier JSON.";
                break;
            case Framer::Verdict::not_decp:
                file.message = "Le fichier " + quoted + " est en JSON, mais ne contient pas la liste « marches » des données essentielles.";
                break;
            case Framer::Verdict::bad_structure:
                file.message = "La structure JSON du fichier " + quoted + " est rompue vers l'octet " + std::to_string(framer.error_offset()) +
                               " : les enregistrements lus avant sont comptés, la suite est ignorée.";
                break;
            case Framer::Verdict::trailing:
                file.message = "Du texte suit la fin des données dans le fichier " + quoted + " (octet " + std::to_string(framer.error_offset()) +
                               ") : il est ignoré.";
                break;
        }
        if (!file.message.empty()) {
            file.message = french_typography(file.message);
            add_problem({file.name, 0, "", "", "fichier", file.message, -1});
        }
        if (repaired > 0)
            file_problem(counted(repaired, "enregistrement", "enregistrements") + " du fichier « " + file.name +
                         (repaired > 1 ? " » contenaient" : " » contenait") + " des caractères mal encodés "
                         "(fichier en Latin-1 ?), des sauts de ligne bruts ou des NaN : lus après réparation (caractères illisibles remplacés par « \xEF\xBF\xBD »).");
        data.files.push_back(file);
        in_file = false;
    }
};

DecpReader::DecpReader(DecpOptions options) : impl_(std::make_unique<Impl>(options)) {}
DecpReader::~DecpReader() = default;

void DecpReader::begin_file(std::string name, uint64_t size) { impl_->begin(std::move(name), size); }

void DecpReader::feed(std::string_view bytes) {
    if (!impl_->in_file) impl_->begin("", 0);
    impl_->fed += bytes.size();
    impl_->framer.feed(bytes, *impl_);
}

const DecpFileResult& DecpReader::end_file() {
    if (!impl_->in_file) impl_->begin("", 0);
    impl_->end();
    return impl_->data.files.back();
}

void DecpReader::skip_file(std::string name, std::string reason) {
    impl_->in_file = false;   // a file begun and found unreadable leaves no other trace
    DecpFileResult f;
    f.name = std::move(name);
    f.message = french_typography(reason);
    impl_->add_problem({f.name, 0, "", "", "fichier", f.message, -1});
    impl_->data.files.push_back(std::move(f));
}

uint64_t DecpReader::bytes_fed() const { return impl_->fed; }

int32_t DecpReader::find(std::string_view buyer, std::string_view id) const {
    const auto b = impl_->buyer_index.find(std::string(buyer));
    if (b == impl_->buyer_index.end()) return -1;
    const auto it = impl_->by_key.find(Impl::contract_key(b->second, id));
    return it == impl_->by_key.end() ? -1 : int32_t(it->second);
}
const DecpData& DecpReader::data() const { return impl_->data; }

DecpData DecpReader::take() {
    if (impl_->in_file) impl_->end();
    return std::move(impl_->data);
}

DecpReadStatus read_decp_files(const std::vector<std::string>& paths, DecpReader& reader, const DecpReadControl& control) {
    std::vector<uint64_t> sizes(paths.size(), 0);
    uint64_t total = 0, done = 0;
    for (size_t i = 0; i < paths.size(); ++i)
        if (FILE* f = std::fopen(paths[i].c_str(), "rb")) {
            if (std::fseek(f, 0, SEEK_END) == 0) sizes[i] = uint64_t(std::max(0L, std::ftell(f)));
            std::fclose(f);
            total += sizes[i];
        }
    std::vector<char> chunk(std::max<size_t>(control.chunk_bytes, 4096));
    for (size_t i = 0; i < paths.size(); ++i) {
        FILE* f = std::fopen(paths[i].c_str(), "rb");
        if (!f) {
            reader.skip_file(paths[i], "Impossible d'ouvrir le fichier « " + paths[i] + " ».");
            continue;
        }
        reader.begin_file(paths[i], sizes[i]);
        size_t n = 0;
        while ((n = std::fread(chunk.data(), 1, chunk.size(), f)) > 0) {
            reader.feed(std::string_view(chunk.data(), n));
            done += n;
            if (control.progress) control.progress(done, total);
            if (control.cancel && control.cancel->load()) {
                std::fclose(f);
                return DecpReadStatus::cancelled;
            }
        }
        const bool failed = std::ferror(f);
        std::fclose(f);
        if (failed && reader.bytes_fed() == 0) reader.skip_file(paths[i], "Impossible de lire le fichier « " + paths[i] + " » (un dossier ?).");
        else reader.end_file();
    }
    return DecpReadStatus::done;
}

}  // namespace clausier
