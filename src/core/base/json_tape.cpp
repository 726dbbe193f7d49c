#include "base/json_tape.h"
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace clausier {

namespace {

constexpr size_t kMaxNumber = 300;   // characters

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The four hex digits after "\u" at `p` (pointing at the 'u'), or -1.
long hex4(std::string_view s, size_t p) {
    if (p + 4 >= s.size()) return -1;
    long v = 0;
    for (size_t i = p + 1; i <= p + 4; ++i) {
        const int h = hex_value(s[i]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

// The number written `text` (a number token of fewer than kMaxNumber characters).
JsonNumber number_in(std::string_view text) {
    char buf[kMaxNumber + 1];
    text.copy(buf, text.size());
    buf[text.size()] = '\0';
    JsonNumber n;
    errno = 0;
    if (text.find_first_of(".eE") == std::string_view::npos) {   // nlohmann keeps an integer that fits 64 bits as one
        if (text[0] == '-') {
            n.integer_value = std::strtoll(buf, nullptr, 10);
            n.kind = JsonNumber::integer;
        } else {
            n.unsigned_value = std::strtoull(buf, nullptr, 10);
            n.kind = JsonNumber::unsigned_integer;
        }
        if (errno == 0) return n;
    }
    n.kind = JsonNumber::floating;
    n.floating_value = std::strtod(buf, nullptr);
    return n;
}

struct Scanner {
    std::string_view s;
    std::vector<JsonToken>& out;
    size_t pos = 0;

    void skip_space() {
        while (pos < s.size() && is_space(s[pos])) ++pos;
    }
    bool literal(const char* word) {
        const size_t n = std::strlen(word);
        if (s.compare(pos, n, word) != 0) return false;
        pos += n;
        return true;
    }
    size_t push(JsonToken::Kind kind, size_t begin) {
        JsonToken t;
        t.kind = kind;
        t.begin = uint32_t(begin);
        out.push_back(t);
        return out.size() - 1;
    }
    void close(size_t token) {
        out[token].end = uint32_t(pos);
        out[token].next = uint32_t(out.size());
    }
    // A string at `pos` (its opening quote): the bytes up to the closing quote, escapes checked.
    bool string() {
        const size_t t = push(JsonToken::string, ++pos);
        while (pos < s.size()) {
            const char c = s[pos];
            if (c == '"') {
                close(t);
                out[t].end = uint32_t(pos++);
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20) return false;
            if (c != '\\') {
                ++pos;
                continue;
            }
            out[t].escaped = true;
            if (++pos >= s.size()) return false;
            if (s[pos] != 'u') {
                if (!std::strchr("\"\\/bfnrt", s[pos]) || s[pos] == '\0') return false;
                ++pos;
                continue;
            }
            const long u = hex4(s, pos);
            if (u < 0 || (u >= 0xDC00 && u <= 0xDFFF)) return false;
            pos += 5;
            if (u >= 0xD800 && u <= 0xDBFF) {   // a high surrogate: its low half must follow
                if (pos + 1 >= s.size() || s[pos] != '\\' || s[pos + 1] != 'u') return false;
                const long low = hex4(s, pos + 1);
                if (low < 0xDC00 || low > 0xDFFF) return false;
                pos += 6;
            }
        }
        return false;
    }
    // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    bool number() {
        const size_t t = push(JsonToken::number, pos);
        if (s[pos] == '-') ++pos;
        if (pos >= s.size() || !is_digit(s[pos])) return false;
        if (s[pos++] != '0')
            while (pos < s.size() && is_digit(s[pos])) ++pos;
        const auto digits = [&] {
            const size_t from = pos;
            while (pos < s.size() && is_digit(s[pos])) ++pos;
            return pos > from;
        };
        if (pos < s.size() && s[pos] == '.' && (++pos, !digits())) return false;
        bool exponent = false;
        if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
            ++pos;
            if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) ++pos;
            if (!digits()) return false;
            exponent = true;
        }
        close(t);
        // Numbers of kMaxNumber characters or more are left to nlohmann. Without an exponent, fewer digits stay
        // below 1e300; with one, a number may overflow a double, which nlohmann refuses.
        const size_t length = pos - out[t].begin;
        return length < kMaxNumber && (!exponent || std::isfinite(number_in(s.substr(out[t].begin, length)).as_double()));
    }
    bool container(bool is_object, int depth) {
        const size_t t = push(is_object ? JsonToken::object : JsonToken::array, pos++);
        skip_space();
        const char closing = is_object ? '}' : ']';
        if (pos < s.size() && s[pos] == closing) {
            ++pos;
            close(t);
            return true;
        }
        while (true) {
            skip_space();
            if (is_object) {
                if (pos >= s.size() || s[pos] != '"' || !string()) return false;
                skip_space();
                if (pos >= s.size() || s[pos++] != ':') return false;
            }
            if (!value(depth)) return false;
            skip_space();
            if (pos >= s.size()) return false;
            const char c = s[pos++];
            if (c == closing) break;
            if (c != ',') return false;
        }
        close(t);
        return true;
    }
    bool value(int depth) {
        skip_space();
        if (pos >= s.size()) return false;
        const char c = s[pos];
        const size_t begin = pos;
        if (c == '"') return string();
        if (c == '{' || c == '[') return depth > 0 && container(c == '{', depth - 1);
        if (c == '-' || is_digit(c)) return number();
        const bool truth = c == 't';
        if (!literal("true") && !literal("false") && !literal("null")) return false;
        const size_t t = push(c == 'n' ? JsonToken::null : JsonToken::boolean, begin);
        out[t].truth = truth;
        close(t);
        return true;
    }
};

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

char unescaped(char c) {
    switch (c) {
        case 'b': return '\b';
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        default: return c;   // " \ /
    }
}

}  // namespace

bool read_json_tape(std::string_view text, JsonTape& tape, int max_depth) {
    if (text.size() >= UINT32_MAX) return false;
    tape.text = text;
    tape.tokens.clear();
    tape.tokens.reserve(text.size() / 16);
    Scanner sc{text, tape.tokens};
    if (!sc.value(max_depth)) return false;
    sc.skip_space();
    return sc.pos == text.size();
}

std::string json_string(const JsonTape& tape, const JsonToken& t) {
    const std::string_view raw = tape.text.substr(t.begin, t.end - t.begin);
    if (!t.escaped) return std::string(raw);
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\') {
            out += raw[i];
            continue;
        }
        ++i;
        if (raw[i] != 'u') {
            out += unescaped(raw[i]);
            continue;
        }
        unsigned long cp = static_cast<unsigned long>(hex4(raw, i));
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {   // the scanner checked that "\uDC00".."\uDFFF" follows
            cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<unsigned long>(hex4(raw, i + 2)) - 0xDC00);
            i += 6;
        }
        append_utf8(out, cp);
    }
    return out;
}

bool json_string_is(const JsonTape& tape, const JsonToken& t, std::string_view s) {
    if (!t.escaped) return tape.text.substr(t.begin, t.end - t.begin) == s;
    return json_string(tape, t) == s;
}

JsonNumber json_number(const JsonTape& tape, const JsonToken& t) {
    return number_in(tape.text.substr(t.begin, t.end - t.begin));
}

double JsonNumber::as_double() const {
    switch (kind) {
        case integer: return double(integer_value);
        case unsigned_integer: return double(unsigned_value);
        default: return floating_value;
    }
}

}  // namespace clausier
