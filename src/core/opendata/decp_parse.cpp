// One DECP record's bytes → raw field values, through nlohmann_json's SAX interface: no DOM is built, only
// the fields the indicators need are kept. The handler knows the 2022 and the 1.x shapes and their usual
// variants: considerations as {"considerationSociale": [...]}, as a bare list or as one string; modifications
// as [{"modification": {...}}], [{...}] or {"modification": [...]}; holders with or without {"titulaire": …}.
#include "opendata/decp_internal.h"
#include <cstring>

namespace clausier::decp {

namespace {

using json = nlohmann::json;

enum class Key : uint8_t {
    other, id, acheteur, nature, objet, codeCPV, procedure, dureeMois, dateNotification, datePublicationDonnees,
    montant, offresRecues, attributionAvance, sousTraitanceDeclaree, lieuExecution, code, typeCode,
    considerationsSociales, considerationsEnvironnementales, modifications, dateNotificationModification,
    dateSignatureModification, titulaires, denominationSociale, actesSousTraitance, type_,
    autoriteConcedante, concessionnaires, valeurGlobale,
};

// The fields read, by length then name: a lookup compares one or two names (every key of every record
// goes through it).
Key key_of(std::string_view k) {
    auto is = [&](const char* name, Key key) { return k == name ? key : Key::other; };
    switch (k.size()) {
        case 2: return is("id", Key::id);
        case 4: return is("code", Key::code);
        case 5: return k[0] == '_' ? is("_type", Key::type_) : is("objet", Key::objet);
        case 6: return is("nature", Key::nature);
        case 7: return k[0] == 'm' ? is("montant", Key::montant) : is("codeCPV", Key::codeCPV);
        case 8: return k[0] == 'a' ? is("acheteur", Key::acheteur) : is("typeCode", Key::typeCode);
        case 9: return k[0] == 'p' ? is("procedure", Key::procedure) : is("dureeMois", Key::dureeMois);
        case 10: return is("titulaires", Key::titulaires);
        case 12: return is("offresRecues", Key::offresRecues);
        case 13:
            if (k[0] == 'm') return is("modifications", Key::modifications);
            return k[0] == 'l' ? is("lieuExecution", Key::lieuExecution) : is("valeurGlobale", Key::valeurGlobale);
        case 16: return k[0] == 'c' ? is("concessionnaires", Key::concessionnaires) : is("dateNotification", Key::dateNotification);
        case 17: return is("attributionAvance", Key::attributionAvance);
        case 18: return k[0] == 'a' && k[1] == 'c' ? is("actesSousTraitance", Key::actesSousTraitance)
                                                   : is("autoriteConcedante", Key::autoriteConcedante);
        case 19: return is("denominationSociale", Key::denominationSociale);
        case 21: return is("sousTraitanceDeclaree", Key::sousTraitanceDeclaree);
        case 22: return k[0] == 'c' ? is("considerationsSociales", Key::considerationsSociales)
                                    : is("datePublicationDonnees", Key::datePublicationDonnees);
        case 25: return is("dateSignatureModification", Key::dateSignatureModification);
        case 28: return is("dateNotificationModification", Key::dateNotificationModification);
        case 31: return is("considerationsEnvironnementales", Key::considerationsEnvironnementales);
        default: return Key::other;
    }
}

// The record's SAX handler. Every container is a frame carrying the top-level field (section) it belongs
// to; scalars are routed by section and key. Depth beyond kMaxDepth is ignored (no field lives that deep).
class Handler {
public:
    explicit Handler(RawRecord& r) : r_(r) {}

    bool null() { return scalar(RawValue::Kind::null, false, 0, nullptr); }
    bool boolean(bool b) { return scalar(RawValue::Kind::boolean, b, 0, nullptr); }
    bool number_integer(json::number_integer_t v) { return integer_value(double(v), std::to_string(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return integer_value(double(v), std::to_string(v)); }
    bool number_float(json::number_float_t v, const json::string_t& text) { return scalar(RawValue::Kind::number, false, v, &text); }
    bool string(json::string_t& s) { return scalar(RawValue::Kind::string, false, 0, &s); }
    bool binary(json::binary_t&) { return true; }
    bool key(json::string_t& k) {
        if (depth_ >= 1 && depth_ <= kMaxDepth) {
            Frame& f = frames_[depth_ - 1];
            f.key = key_of(k);
            if (depth_ == 1 && (f.key == Key::autoriteConcedante || f.key == Key::concessionnaires || f.key == Key::valeurGlobale))
                r_.concession_keys = true;
        }
        return true;
    }
    bool start_object(std::size_t) { return open(true); }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(false); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
        error_offset = position;
        return false;
    }

    size_t error_offset = 0;

private:
    static constexpr int kMaxDepth = 32;
    struct Frame {
        bool object = false;
        Key key = Key::other;       // objects: the current key; arrays: the key the array stands under
        Key section = Key::other;   // the top-level field this container belongs to
        int modification = -1;      // index into r_.modifications for objects inside "modifications"
    };

    // The key a value at the current position stands under.
    Key here() const { return depth_ >= 1 && depth_ <= kMaxDepth ? frames_[depth_ - 1].key : Key::other; }
    Key section() const { return depth_ >= 1 && depth_ <= kMaxDepth ? (depth_ == 1 ? frames_[0].key : frames_[depth_ - 1].section) : Key::other; }

    bool open(bool object) {
        if (depth_ == 1) mark_container();
        ++depth_;
        if (depth_ > kMaxDepth) return true;
        Frame f;
        f.object = object;
        if (depth_ > 1) {
            const Frame& parent = frames_[depth_ - 2];
            f.key = parent.key;
            f.section = depth_ == 2 ? parent.key : parent.section;
            // The holders listed in a modification are not the modification's own fields.
            if (f.section == Key::modifications && f.key == Key::titulaires) f.section = Key::other;
            if (f.section == Key::actesSousTraitance && object) r_.subcontract_acts = true;
            if (f.section == Key::modifications && object) {
                f.modification = int(r_.modifications.size());
                r_.modifications.emplace_back();
            }
        }
        frames_[depth_ - 1] = f;
        return true;
    }

    bool close() {
        --depth_;
        return true;
    }

    // A top-level scalar field given an object or an array: kept as such, judged unreadable later.
    void mark_container() {
        if (RawValue* v = top_field(frames_[0].key)) { v->kind = RawValue::Kind::container; v->text.clear(); }
    }

    RawValue* top_field(Key k) {
        switch (k) {
            case Key::id: return &r_.id;
            case Key::nature: return &r_.nature;
            case Key::objet: return &r_.object;
            case Key::codeCPV: return &r_.cpv;
            case Key::procedure: return &r_.procedure;
            case Key::dureeMois: return &r_.duration;
            case Key::dateNotification: return &r_.notification;
            case Key::datePublicationDonnees: return &r_.publication;
            case Key::montant: return &r_.amount;
            case Key::offresRecues: return &r_.offers;
            case Key::attributionAvance: return &r_.advance;
            case Key::sousTraitanceDeclaree: return &r_.subcontracting;
            case Key::type_: return &r_.type;
            default: return nullptr;
        }
    }

    bool integer_value(double v, const std::string& text) { return scalar(RawValue::Kind::number, false, v, &text); }

    static void set(RawValue& dst, RawValue::Kind kind, bool b, double n, const std::string* text) {
        dst.kind = kind;
        dst.boolean = b;
        dst.number = n;
        if (text) dst.text.assign(*text);
        else dst.text.clear();
    }

    bool scalar(RawValue::Kind kind, bool b, double n, const std::string* text) {
        if (depth_ < 1 || depth_ > kMaxDepth) return true;
        const Key k = here();
        const Key s = section();
        if (depth_ == 1) {
            if (RawValue* v = top_field(k)) set(*v, kind, b, n, text);
            else if (k == Key::acheteur) set(r_.buyer, kind, b, n, text);          // "acheteur": "SIRET"
            else if (k == Key::lieuExecution) set(r_.place_code, kind, b, n, text);
            else if (k == Key::considerationsSociales) considerations(r_.social, r_.social_present, kind, text);
            else if (k == Key::considerationsEnvironnementales)
                considerations(r_.environmental, r_.environmental_present, kind, text);
            return true;
        }
        switch (s) {
            case Key::acheteur:
                if (k == Key::id && !r_.buyer.present()) set(r_.buyer, kind, b, n, text);
                break;
            case Key::lieuExecution:
                if (depth_ == 2 && k == Key::code) set(r_.place_code, kind, b, n, text);
                else if (depth_ == 2 && k == Key::typeCode) set(r_.place_type, kind, b, n, text);
                break;
            case Key::considerationsSociales: considerations(r_.social, r_.social_present, kind, text); break;
            case Key::considerationsEnvironnementales:
                considerations(r_.environmental, r_.environmental_present, kind, text);
                break;
            case Key::titulaires:
                if ((k == Key::id || k == Key::denominationSociale) && r_.holder.empty() && text) r_.holder = *text;
                break;
            case Key::modifications: modification_field(k, kind, b, n, text); break;
            default: break;
        }
        return true;
    }

    void considerations(std::vector<std::string>& items, bool& present, RawValue::Kind kind, const std::string* text) {
        present = true;
        if (kind == RawValue::Kind::string && text) items.push_back(*text);
    }

    void modification_field(Key k, RawValue::Kind kind, bool b, double n, const std::string* text) {
        const int m = frames_[depth_ - 1].modification;
        if (m < 0) return;
        RawModification& mod = r_.modifications[size_t(m)];
        RawValue* dst = k == Key::id ? &mod.id
                      : k == Key::montant ? &mod.amount
                      : k == Key::dureeMois ? &mod.duration
                      : k == Key::dateNotificationModification || k == Key::dateSignatureModification ? &mod.notified
                      : nullptr;
        if (!dst) return;
        set(*dst, kind, b, n, text);
        mod.any = true;
    }

    RawRecord& r_;
    Frame frames_[kMaxDepth];
    int depth_ = 0;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

void RawRecord::clear() {
    for (RawValue* v : {&id, &buyer, &nature, &object, &cpv, &procedure, &duration, &notification, &publication, &amount,
                        &offers, &advance, &subcontracting, &place_code, &place_type, &type})
        v->clear();
    social_present = environmental_present = false;
    social.clear();
    environmental.clear();
    modifications.clear();
    holder.clear();
    subcontract_acts = concession_keys = false;
}

bool is_read_key(std::string_view key) { return key_of(key) != Key::other; }

bool parse_record(std::string_view text, RawRecord& out, size_t& error_offset) {
    out.clear();
    Handler h(out);
    const bool ok = json::sax_parse(text.begin(), text.end(), &h, json::input_format_t::json, true);
    error_offset = h.error_offset;
    return ok;
}

std::string repair_record_text(std::string_view text) {
    const std::string clean = sanitize_utf8(text);   // invalid bytes → U+FFFD
    std::string out;
    out.reserve(clean.size());
    bool in_string = false, escape = false;
    for (size_t i = 0; i < clean.size(); ++i) {
        const char c = clean[i];
        const bool control = static_cast<unsigned char>(c) < 0x20;
        if (in_string) {
            if (escape) escape = false;
            else if (c == '\\') escape = true;
            else if (c == '"') in_string = false;
            out += control ? ' ' : c;   // a line break pasted into a field
            continue;
        }
        if (c == '"') in_string = true;
        // NaN, Infinity and -Infinity outside strings: some exports write them; they mean « no value ».
        size_t literal = 0;
        for (const char* word : {"-Infinity", "Infinity", "NaN"})
            if (clean.compare(i, std::strlen(word), word) == 0) { literal = std::strlen(word); break; }
        if (literal) {
            out += "null";
            i += literal - 1;
            continue;
        }
        out += control && !is_space(c) ? ' ' : c;
    }
    return out;
}

}  // namespace clausier::decp
