// The DECP envelope, read chunk by chunk: which arrays hold records, and where each record begins and ends.
// Accepted envelopes: {"marches": {"marche": [...], "contrat-concession": [...]}} (2022 format; a single
// record may stand instead of the array, as the format's own examples do) and {"marches": [...]} (1.x).
// Any other key of the envelope is skipped whatever its value.
#include "opendata/decp_internal.h"

namespace clausier::decp {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool ends_scalar(char c) { return is_space(c) || c == ',' || c == '}' || c == ']' || c == ':'; }

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
        if (first_char_ == 0 && !is_space(c)) first_char_ = c;
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
        if (is_space(c)) continue;
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
    if (capturing_) stash(p, n);
    offset_ += n;
}

// The chunk ends inside a record: keep its part of the record for the next chunk.
void Framer::stash(const char* p, size_t n) {
    if (!oversize_) {
        if (c_in_chunk_) buf_.assign(p + c_start_, n - c_start_);
        else buf_.append(p, n);
        if (buf_.size() > kMaxRecordBytes) {
            oversize_ = true;
            std::string().swap(buf_);
        }
    }
    c_in_chunk_ = false;
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
        c_in_string_ = c_escape_ = oversize_ = false;
        c_kind_ = kind;
        c_in_chunk_ = true;
        c_start_ = i;
        buf_.clear();
    };
    if (top.role == Role::records) {
        if (c == '{') { start_capture(top.kind); return; }
        sink.not_an_object(top.kind);
        levels_.push_back({c, Role::skip, top.kind, false, {}});
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
    levels_.push_back(std::move(next));
}

bool Framer::close(char c) {
    if (levels_.empty() || (levels_.back().open == '{') != (c == '}')) return false;
    levels_.pop_back();
    if (levels_.empty()) done_ = true;
    return true;
}

// Consumes the record being captured from p[i]; returns the index of the last byte consumed. A record that
// lies within one chunk is handed over in place; one that spans chunks is gathered in buf_ (see stash).
size_t Framer::capture(const char* p, size_t i, size_t n, FramerSink& sink) {
    for (; i < n; ++i) {
        const char c = p[i];
        if (c_in_string_) {
            if (c_escape_) c_escape_ = false;
            else if (c == '\\') c_escape_ = true;
            else if (c == '"') c_in_string_ = false;
            continue;
        }
        if (c == '"') c_in_string_ = true;
        else if (c == '{' || c == '[') ++c_depth_;
        else if ((c == '}' || c == ']') && --c_depth_ == 0) {
            capturing_ = false;
            if (c_in_chunk_) {
                const std::string_view text(p + c_start_, i + 1 - c_start_);
                if (text.size() > kMaxRecordBytes) sink.oversize(c_kind_);
                else sink.record(text, c_kind_);
            } else if (oversize_) {
                sink.oversize(c_kind_);
            } else {
                buf_.append(p, i + 1);
                sink.record(buf_, c_kind_);
            }
            buf_.clear();
            return i;
        }
    }
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
