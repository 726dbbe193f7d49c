// The DECP envelope, read chunk by chunk: which arrays hold records, and where each record begins and ends.
// Accepted envelopes: {"marches": {"marche": [...], "contrat-concession": [...]}} (2022 format; a single
// record may stand instead of the array, as the format's own examples do) and {"marches": [...]} (1.x).
// Any other key of the envelope is skipped whatever its value.
#include "opendata/decp_internal.h"
#include <array>
#include <cstring>

namespace clausier::decp {

namespace {

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool ends_scalar(char c) { return is_json_space(c) || c == ',' || c == '}' || c == ']' || c == ':'; }

const char kBom[] = "\xEF\xBB\xBF";

}  // namespace

void Framer::reset() { *this = Framer(); }

void Framer::feed(std::string_view bytes, FramerSink& sink) {
    const char* p = bytes.data();
    const size_t n = bytes.size();
    size_t i = 0;
    // A UTF-8 byte order mark at the start of the file is not part of the JSON text.
    while (i < n && offset_ + i < 3 && p[i] == kBom[offset_ + i] && first_char_ == 0) ++i;
    for (; i < n && verdict_ == Verdict::complete; ++i) {
        if (capturing_) {
            i = capture(p, i, n, sink);
            continue;
        }
        const char c = p[i];
        pos_ = i;
        if (first_char_ == 0 && !is_json_space(c)) first_char_ = c;
        if (in_string_) {
            if (escape_) escape_ = false;
            else if (c == '\\') escape_ = true;
            else if (c == '"') {
                in_string_ = false;
                if (reading_key_) {
                    reading_key_ = false;
                    levels_.back().key = key_buf_;
                    levels_.back().expect_key = false;
                }
                continue;
            }
            if (reading_key_ && key_buf_.size() < 64) key_buf_ += c;
            continue;
        }
        if (in_scalar_) {
            if (!ends_scalar(c)) continue;
            in_scalar_ = false;
        }
        if (is_json_space(c)) continue;
        if (skip_depth_ > 0) {   // inside an envelope value that holds no records: only its end matters
            if (c == '"') in_string_ = true;
            else if (c == '{' || c == '[') ++skip_depth_;
            else if (c == '}' || c == ']') --skip_depth_;
            continue;
        }
        if (done_) { fail(Verdict::trailing); break; }
        switch (c) {
            case '{': case '[': open(c, i, sink); break;
            case '}': case ']': if (!close(c)) fail(Verdict::bad_structure); break;
            case ',':
                if (levels_.empty()) fail(Verdict::bad_structure);
                else if (levels_.back().open == '{') levels_.back().expect_key = true;
                break;
            case ':': break;
            case '"':
                if (!levels_.empty() && levels_.back().open == '{' && levels_.back().expect_key) {
                    reading_key_ = true;
                    key_buf_.clear();
                } else {
                    value_starts(sink);
                }
                in_string_ = true;
                break;
            default:
                if (levels_.empty()) { fail(Verdict::not_json); break; }
                value_starts(sink);
                in_scalar_ = true;
        }
    }
    offset_ += n;
}

// A string or scalar value starts: if it stands where a record should, it is a record that is no object.
void Framer::value_starts(FramerSink& sink) {
    if (levels_.empty()) { fail(Verdict::not_decp); return; }
    const Level& top = levels_.back();
    if (top.role == Role::records) sink.not_an_object(top.kind);
    else if (top.role == Role::marches && (top.key == "marche" || top.key == "contrat-concession"))
        sink.not_an_object(top.key == "marche" ? RecordKind::marche : RecordKind::concession);
    else if (top.role == Role::root && top.key == "marches") saw_envelope_ = true;   // "marches": null — no records
}

void Framer::open(char c, size_t i, FramerSink& sink) {
    if (levels_.empty()) {
        if (c == '[') { fail(Verdict::not_decp); return; }
        levels_.push_back({c, Role::root, RecordKind::marche, true, {}});
        return;
    }
    const Level& top = levels_.back();
    auto start_capture = [&](RecordKind kind) {
        capturing_ = true;
        c_depth_ = 1;
        c_in_string_ = c_escape_ = oversize_ = c_in_key_ = false;
        c_expect_key_ = true;
        c_drop_comma_ = false;
        c_skip_ = Skip::none;
        c_kind_ = kind;
        if (buf_.empty()) buf_.resize(4096);
        buf_[0] = c;
        len_ = 1;
    };
    if (top.role == Role::records) {
        if (c == '{') { start_capture(top.kind); return; }
        sink.not_an_object(top.kind);
        skip_depth_ = 1;
        return;
    }
    Level next{c, Role::skip, RecordKind::marche, c == '{', {}};
    if (top.role == Role::root && top.key == "marches") {
        saw_envelope_ = true;
        next.role = c == '{' ? Role::marches : Role::records;
        next.kind = RecordKind::legacy;
    } else if (top.role == Role::marches && (top.key == "marche" || top.key == "contrat-concession")) {
        const RecordKind kind = top.key == "marche" ? RecordKind::marche : RecordKind::concession;
        if (c == '{') { start_capture(kind); return; }
        next.role = Role::records;
        next.kind = kind;
    }
    if (next.role == Role::skip) skip_depth_ = 1;   // counted, not stacked: any depth costs nothing
    else levels_.push_back(std::move(next));
}

bool Framer::close(char c) {
    if (levels_.empty() || (levels_.back().open == '{') != (c == '}')) return false;
    levels_.pop_back();
    if (levels_.empty()) done_ = true;
    return true;
}

// Consumes the record being captured from p[i]; returns the index of the last byte consumed. The record is
// gathered in buf_ without the whitespace between its tokens and without the top-level fields the parser
// does not read (exports are indented and carry many such fields: this halves what the parser then reads).
// A record spanning two chunks needs no special case.
size_t Framer::capture(const char* p, size_t i, size_t n, FramerSink& sink) {
    // What a byte means outside strings: 0 nothing, 1 whitespace, 2 quote, 3 opening, 4 closing, 5 comma, 6 colon.
    static const auto kClass = [] {
        std::array<uint8_t, 256> t{};
        for (unsigned char c : {' ', '\n', '\r', '\t'}) t[c] = 1;
        t['"'] = 2;
        t['{'] = t['['] = 3;
        t['}'] = t[']'] = 4;
        t[','] = 5;
        t[':'] = 6;
        return t;
    }();
    // The state lives in locals during the scan: stores through `out` (a char pointer, which may alias
    // anything) would otherwise make the compiler reload every member after each byte.
    bool in_string = c_in_string_, escape = c_escape_, expect_key = c_expect_key_, in_key = c_in_key_;
    bool skipped_string = c_in_skipped_string_, drop_comma = c_drop_comma_;
    int64_t depth = c_depth_, skip_depth = c_skip_depth_;
    Skip skip = c_skip_;
    size_t key_start = c_key_start_;
    const auto save = [&] {
        c_in_string_ = in_string;
        c_escape_ = escape;
        c_expect_key_ = expect_key;
        c_in_key_ = in_key;
        c_in_skipped_string_ = skipped_string;
        c_drop_comma_ = drop_comma;
        c_depth_ = depth;
        c_skip_depth_ = skip_depth;
        c_skip_ = skip;
        c_key_start_ = key_start;
    };
    while (i < n) {
        // Room for what this pass may copy (at most one byte per byte read). Past the size limit, the record
        // is only scanned for its end, and buf_ serves as scratch space.
        if (oversize_) len_ = 0;
        else if (buf_.size() - len_ < 4096) buf_.resize(std::min(std::max(2 * buf_.size(), len_ + 4096), kMaxRecordBytes + 4096));
        const size_t stop = std::min(n, i + (buf_.size() - len_));
        char* const base = buf_.data();
        char* out = base + len_;
        while (i < stop) {
            if (skip >= Skip::value) {   // the value of a field the parser does not read: not copied
                if (skip == Skip::value) {
                    while (i < stop && kClass[static_cast<unsigned char>(p[i])] == 1) ++i;
                    if (i == stop) break;
                    const char c = p[i++];
                    skip = c == '"' ? Skip::string : c == '{' || c == '[' ? Skip::container : Skip::scalar;
                    skipped_string = c == '"';
                    skip_depth = skip == Skip::container ? 1 : 0;
                    if (skip == Skip::scalar) --i;
                }
                for (; i < stop && skip != Skip::none; ++i) {
                    const char c = p[i];
                    if (skip == Skip::scalar) {   // ends before the comma or brace that follows it
                        if (kClass[static_cast<unsigned char>(c)] == 0) continue;
                        skip = Skip::none;
                        break;
                    }
                    if (skipped_string) {
                        if (escape) escape = false;
                        else if (c == '\\') escape = true;
                        else if (c == '"') {
                            skipped_string = false;
                            if (skip == Skip::string) skip = Skip::none;
                        }
                    } else if (c == '"') {
                        skipped_string = true;
                    } else if (c == '{' || c == '[') {
                        ++skip_depth;
                    } else if ((c == '}' || c == ']') && --skip_depth == 0) {
                        skip = Skip::none;
                    }
                }
                continue;
            }
            if (in_string) {
                if (escape) {
                    *out++ = p[i++];
                    escape = false;
                    continue;
                }
                // The string's plain bytes up to its closing quote or a backslash, found by memchr (vectorised).
                const char* const from = p + i;
                const char* to = static_cast<const char*>(std::memchr(from, '"', stop - i));
                if (!to) to = p + stop;
                if (const void* backslash = std::memchr(from, '\\', size_t(to - from))) to = static_cast<const char*>(backslash);
                std::memcpy(out, from, size_t(to - from));
                out += to - from;
                i = size_t(to - p);
                if (i == stop) break;
                const char c = p[i++];
                *out++ = c;
                if (c == '\\') {
                    escape = true;
                } else {
                    in_string = false;
                    if (in_key) {   // a top-level key: the field is dropped unless the parser reads it
                        in_key = false;
                        const std::string_view key(base + key_start + 1, size_t(out - base) - key_start - 2);
                        if (key.find('\\') == std::string_view::npos && !is_read_key(key)) {
                            skip = Skip::colon;
                            drop_comma = base[key_start - 1] != ',';   // first field: drop the comma after it instead
                            out = base + key_start - (drop_comma ? 0 : 1);
                        }
                    }
                }
                continue;
            }
            const unsigned char c = static_cast<unsigned char>(p[i++]);
            switch (kClass[c]) {
                case 1:   // whitespace between tokens: dropped (indentation eight spaces at a time)
                    for (uint64_t word = 0; i + 8 <= stop; i += 8) {
                        std::memcpy(&word, p + i, 8);
                        if (word != 0x2020202020202020ULL) break;
                    }
                    while (i < stop && kClass[static_cast<unsigned char>(p[i])] == 1) ++i;
                    continue;
                case 2:
                    in_string = true;
                    if (depth == 1 && expect_key) {
                        in_key = !oversize_;
                        expect_key = false;
                        key_start = size_t(out - base);
                    }
                    break;
                case 3: ++depth; break;
                case 4:
                    if (--depth > 0) break;
                    *out++ = char(c);
                    save();
                    capturing_ = false;
                    if (oversize_) sink.oversize(c_kind_);
                    else sink.record(std::string_view(base, size_t(out - base)), c_kind_);
                    len_ = 0;
                    return i - 1;
                case 5:
                    if (depth != 1) break;
                    expect_key = true;
                    if (!drop_comma) break;
                    drop_comma = false;
                    continue;
                case 6:
                    if (skip != Skip::colon) break;
                    skip = Skip::value;
                    continue;
                default: break;
            }
            *out++ = char(c);
        }
        len_ = size_t(out - base);
        if (!oversize_ && len_ > kMaxRecordBytes) {   // a real record is a few kilobytes: stop keeping this one
            oversize_ = true;
            in_key = false;
            buf_.assign(4096, 0);
            buf_.shrink_to_fit();
        }
    }
    save();
    return n - 1;
}

Framer::Verdict Framer::finish(bool& record_cut) const {
    record_cut = capturing_;
    if (verdict_ != Verdict::complete) return verdict_;
    if (!saw_envelope_) return first_char_ == 0 || first_char_ == '{' || first_char_ == '[' ? Verdict::not_decp : Verdict::not_json;
    if (capturing_ || !done_ || in_string_) return Verdict::truncated;
    return Verdict::complete;
}

}  // namespace clausier::decp
