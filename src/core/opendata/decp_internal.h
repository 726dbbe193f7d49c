// decp_internal.h — the pieces of the DECP reader, shared by its files and its tests:
//   framing  (decp_framer.cpp)  finds where each record starts and ends in a stream of chunks;
//   parsing  (decp_parse.cpp)   turns one record's bytes into raw field values (nlohmann SAX, no DOM);
//   values   (decp_values.cpp)  the rules that read messy values (numbers, dates, CPV…) and judge them;
//   contract (decp_contract.cpp) one raw record → a contract (modifications applied) or a set-aside record.
#pragma once
#include "opendata/decp.h"
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace clausier::decp {

// --- framing ------------------------------------------------------------------------------------------
// nlohmann's parser pulls its input and cannot pause between two chunks, while the browser pushes a file
// chunk by chunk. The framer bridges them: a small state machine over the envelope ({"marches": …}) that
// tracks strings and nesting only, and hands each complete record's bytes to the parser. It does not
// validate the records (nlohmann does); it validates the envelope's shape.

enum class RecordKind : uint8_t { marche, concession, legacy };   // legacy: element of {"marches": [...]}

struct FramerSink {
    virtual ~FramerSink() = default;
    virtual void record(std::string_view text, RecordKind kind) = 0;
    virtual void not_an_object(RecordKind kind) = 0;   // a record that is a string, number, array or null
    virtual void oversize(RecordKind kind) = 0;        // a record larger than kMaxRecordBytes
};

constexpr size_t kMaxRecordBytes = size_t(4) << 20;   // a real record is a few kilobytes

class Framer {
public:
    enum class Verdict { complete, truncated, not_json, not_decp, bad_structure, trailing };
    void reset();
    void feed(std::string_view bytes, FramerSink& sink);
    // At the end of the file: the verdict, and (truncated) whether a record was cut.
    Verdict finish(bool& record_cut) const;
    bool saw_envelope() const { return saw_envelope_; }
    bool looks_like_xml() const { return first_char_ == '<'; }
    uint64_t error_offset() const { return error_at_; }   // byte of the file where the structure broke

private:
    enum class Role : uint8_t { root, marches, records, skip };   // skip: a value holding no records
    struct Level {
        char open;          // '{' or '['
        Role role;
        RecordKind kind;    // for records arrays
        bool expect_key;    // objects: the next string is a key
        std::string key;    // objects: the last key read
    };
    size_t capture(const char* p, size_t i, size_t n, FramerSink& sink);
    void open(char c, size_t i, FramerSink& sink);
    bool close(char c);
    void value_starts(FramerSink& sink);
    void fail(Verdict v) {
        if (verdict_ == Verdict::complete) { verdict_ = v; error_at_ = offset_ + pos_; }
    }

    std::vector<Level> levels_;   // the envelope's containers down to the records (three at most)
    uint64_t skip_depth_ = 0;     // nesting inside an envelope value that holds no records
    bool in_string_ = false, escape_ = false, reading_key_ = false, in_scalar_ = false;
    std::string key_buf_;
    bool done_ = false, saw_envelope_ = false;
    Verdict verdict_ = Verdict::complete;
    uint64_t offset_ = 0, error_at_ = 0;   // offset_: bytes of the file before the current chunk
    size_t pos_ = 0;                        // position in the current chunk
    char first_char_ = 0;
    // the record being captured
    bool capturing_ = false, c_in_string_ = false, c_escape_ = false, oversize_ = false;
    int64_t c_depth_ = 0;
    bool c_expect_key_ = false, c_in_key_ = false;   // at the record's top level: the next string is a key
    size_t c_key_start_ = 0;                         // where the key being read starts in buf_
    enum class Skip : uint8_t { none, colon, value, string, container, scalar };
    Skip c_skip_ = Skip::none;                       // skipping the value of a field the parser does not read
    int64_t c_skip_depth_ = 0;
    bool c_in_skipped_string_ = false;
    bool c_drop_comma_ = false;                      // a dropped first field leaves the comma after it to drop
    RecordKind c_kind_ = RecordKind::marche;
    std::vector<char> buf_;   // the record so far: buf_[0, len_)
    size_t len_ = 0;
};

// --- parsing ------------------------------------------------------------------------------------------

// A field as found, before any judgement: its JSON type and value (numbers also as text for identifiers).
struct RawValue {
    enum class Kind : uint8_t { absent, null, boolean, number, string, container };
    Kind kind = Kind::absent;
    bool boolean = false;
    double number = 0;
    std::string text;   // strings; numbers written as text (identifiers, CPV codes as numbers)
    void clear() { kind = Kind::absent; text.clear(); }
    bool present() const { return kind != Kind::absent && kind != Kind::null; }
};

struct RawModification {
    RawValue id, amount, duration, notified;
    bool any = false;   // at least one modification field was found in this object
};

struct RawRecord {
    RawValue id, buyer, nature, object, cpv, procedure, duration, notification, publication, amount, offers,
        advance, subcontracting, place_code, place_type, type;
    bool social_present = false, environmental_present = false;   // the key was there (even null or empty)
    std::vector<std::string> social, environmental;               // every string found under the field
    std::vector<RawModification> modifications;                   // in file order; `any` marks real ones
    std::string holder;                                           // first holder's id, or its name (1.x)
    bool subcontract_acts = false;   // actesSousTraitance lists at least one act
    bool concession_keys = false;    // autoriteConcedante, concessionnaires or valeurGlobale at the top
    void clear();
};

// Whether the parser reads a field of that name (the framer skips the values of the others at the top level).
bool is_read_key(std::string_view key);
// Parses one record's bytes. On failure returns false with `error_offset` set (byte of the error).
bool parse_record(std::string_view text, RawRecord& out, size_t& error_offset);
// Bytes that nlohmann refuses but a person means: invalid UTF-8 (Latin-1 exports), raw control characters
// (line breaks pasted into a field) and NaN/Infinity literals (some Python exports). Returns the repaired text.
std::string repair_record_text(std::string_view text);

// --- values -------------------------------------------------------------------------------------------

enum class Verdict : uint8_t {
    ok, missing, not_communicated, unreadable,   // reading
    non_positive, too_small, too_large, placeholder, too_old, in_future,   // plausibility
};

// Numbers written as JSON numbers or as French/English text ("1 234,50 €", "1234.5", "12 000 € HT");
// "NC" and its variants are « non communiqué ».
Verdict read_number(const RawValue& v, double& out);
// Yes/no written as JSON booleans, 1/0 or text (« oui », « non », "true", "vrai"…).
Verdict read_answer(const RawValue& v, bool& out);
// Dates "YYYY-MM-DD" (with an optional time or zone after it) or « JJ/MM/AAAA ».
Verdict read_date(const RawValue& v, Date& out);

// Plausibility rules (docs/decp.md gives the reasons).
constexpr double kMinPlausibleAmount = 1000;    // euros HT
constexpr double kMaxPlausibleAmount = 1e10;    // euros HT
constexpr int kMaxMonthsOrdinary = 240;         // 20 years
constexpr int kMaxMonthsPartnership = 600;      // marchés de partenariat: 50 years
constexpr int kMaxOffers = 999;
constexpr int kFirstPlausibleYear = 1990;
Verdict judge_amount(const RawValue& v, double& out);
Verdict judge_duration(const RawValue& v, bool partnership, int& months);
Verdict judge_date(const RawValue& v, const Date& today, Date& out);
// The French words for a verdict about a value, agreeing with its noun: « absent(e) », « non communiqué(e)
// (« NC ») », « illisible (« abc ») »…
std::string verdict_words(Verdict v, const RawValue& raw, bool feminine);

// The CPV code as 8 digits (check digit dropped, a lost leading zero restored); "" when unreadable.
// `check_ok` is false when a check digit was given and differs from the nomenclature's.
std::string read_cpv(const RawValue& v, bool& known, bool& check_ok);
// « travaux » (division 45), « fournitures » (03–44, 48) or « services » (50 and above); "" if unknown.
const char* cpv_nature(std::string_view cpv8);

DecpProcedure read_procedure(const RawValue& v);
// Département of a place of execution from its code and type (postal code, INSEE commune, département…);
// "" when it cannot be told (region, country, unreadable).
std::string place_departement(std::string_view code, std::string_view type);

// Considerations: each item is a known value, a « pas de … » value, or unknown (counted as a consideration,
// as the format's definition says: anything other than the « pas de considération » value).
enum class Consideration : uint8_t { blank, none, some, unknown_value };   // blank: "", « NC »
Consideration read_consideration(std::string_view item, bool social);

std::string value_text(const RawValue& v);       // the value as the file wrote it, for messages (cut at 60 characters)
std::string identifier_text(const RawValue& v);  // a string trimmed, or a whole number without exponent

// --- contract -----------------------------------------------------------------------------------------

class FamilyIndex;

// What the reader knows around a record while it judges it.
struct RecordContext {
    std::string_view file;
    size_t position = 0;     // 1-based in the file
    Date today, renewal_until;
    FamilyIndex* families = nullptr;
};

// The result of judging one record.
struct Judged {
    bool kept = false;
    std::string id;          // as published, trimmed ("" = the contract cannot be deduplicated)
    std::string buyer;       // SIRET ("" unknown)
    DecpContract contract;   // contract.buyer and contract.detail are set by the reader
    bool renewal_candidate = false;
    DecpDetail detail;       // filled when renewal_candidate
    std::vector<DecpProblem> problems;
};

void judge_record(const RawRecord& raw, RecordKind kind, const RecordContext& ctx, Judged& out);

// Clausier's purchase family of an 8-digit CPV code (library/cpv.h's family_for_cpv, cached by code).
class FamilyIndex {
public:
    explicit FamilyIndex(const Library& lib) : lib_(lib) {}
    int16_t of(std::string_view cpv8);   // index into lib.families; -1 = none
    const Library& library() const { return lib_; }

private:
    const Library& lib_;
    std::unordered_map<uint32_t, int16_t> cache_;
};

}  // namespace clausier::decp
