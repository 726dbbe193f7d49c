#include "base/json_tape.h"
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <rapidjson/reader.h>

namespace clausier {

namespace {

// RapidJSON's flags to refuse what nlohmann refuses: invalid UTF-8 in strings refused; strings decoded in place
// (in the tape's copy of the text: no copy through RapidJSON's stack); numbers handed over as their text
// (RawNumber below converts them as nlohmann does). Comments, trailing commas, NaN and Infinity stay refused
// (defaults); nothing but white space may follow the value (the reader checks it when it does not stop after it).
constexpr unsigned kParseFlags =
    rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseInsituFlag;

// Records RapidJSON's parse events as tokens (json_tape.h). Returning false stops the parse.
struct TapeRecorder : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TapeRecorder> {
    JsonTape& tape;
    int max_depth;
    std::vector<uint32_t> open;   // the containers not closed yet, innermost last

    TapeRecorder(JsonTape& t, int depth) : tape(t), max_depth(depth) {}

    JsonToken& push(JsonToken::Kind kind) {
        tape.tokens.emplace_back();
        JsonToken& t = tape.tokens.back();
        t.kind = kind;
        t.next = uint32_t(tape.tokens.size());
        return t;
    }
    // A string or key, decoded by RapidJSON within tape.strings. A lone low surrogate escape (\udc00) is decoded
    // into the three bytes ED B0 80, which nlohmann refuses: such a string stops the tape (valid UTF-8 has no
    // ED A0–BF).
    bool text(const char* s, rapidjson::SizeType length) {
        for (const char* e = static_cast<const char*>(std::memchr(s, '\xED', length)); e;
             e = static_cast<const char*>(std::memchr(e + 1, '\xED', length - (e + 1 - s))))
            if (e + 1 < s + length && static_cast<unsigned char>(e[1]) >= 0xA0) return false;
        JsonToken& t = push(JsonToken::string);
        t.begin = uint32_t(s - tape.strings.data());
        t.end = t.begin + length;
        return true;
    }
    bool number(const JsonNumber& n) {
        push(JsonToken::number).begin = uint32_t(tape.numbers.size());
        tape.numbers.push_back(n);
        return true;
    }
    // A number's text, checked by RapidJSON, converted as nlohmann converts it: an integer as strtoll (negative)
    // or strtoull reads it (std::from_chars: the same on JSON's digits), strtod when it has a fraction, an exponent
    // or does not fit 64 bits; refused when out of a double's range. (RapidJSON 1.1.0's own conversion differs
    // from strtod at the limits: 2.4703282292062327e-324 reads 5e-324, a 22-digit number times e302 reads finite.)
    bool RawNumber(const char* s, rapidjson::SizeType length, bool) {
        JsonNumber n;
        const char* const end = s + length;
        if (std::find_if(s, end, [](char c) { return c == '.' || c == 'e' || c == 'E'; }) == end) {
            if (*s == '-' && std::from_chars(s, end, n.integer_value).ec == std::errc()) {
                n.kind = JsonNumber::integer;
                return number(n);
            }
            if (*s != '-' && std::from_chars(s, end, n.unsigned_value).ec == std::errc()) {
                n.kind = JsonNumber::unsigned_integer;
                return number(n);
            }
        }
        // `s` is not NUL-terminated. strtod reads '.' as the decimal point in the C locale, the one Clausier runs in
        // (it never calls setlocale; nlohmann adapts to the locale, this would not).
        n.floating_value = std::strtod(std::string(s, length).c_str(), nullptr);
        return std::isfinite(n.floating_value) && number(n);
    }
    bool start(JsonToken::Kind kind) {
        open.push_back(uint32_t(tape.tokens.size()));
        push(kind);
        return int(open.size()) <= max_depth;
    }
    bool end() {
        tape.tokens[open.back()].next = uint32_t(tape.tokens.size());
        open.pop_back();
        return true;
    }

    bool Null() { return push(JsonToken::null), true; }
    bool Bool(bool v) { return push(JsonToken::boolean).truth = v, true; }
    bool String(const char* s, rapidjson::SizeType length, bool) { return text(s, length); }
    bool Key(const char* s, rapidjson::SizeType length, bool) { return text(s, length); }
    bool StartObject() { return start(JsonToken::object); }
    bool EndObject(rapidjson::SizeType) { return end(); }
    bool StartArray() { return start(JsonToken::array); }
    bool EndArray(rapidjson::SizeType) { return end(); }
};

}  // namespace

bool read_json_tape(const std::string& text, JsonTape& tape, int max_depth) {
    tape.tokens.clear();
    tape.strings.clear();
    tape.numbers.clear();
    tape.tokens.reserve(text.size() / 16);
    if (text.size() >= UINT32_MAX) return false;
    tape.strings = text;   // RapidJSON decodes each string in place, within this copy
    TapeRecorder recorder(tape, max_depth);
    rapidjson::InsituStringStream stream(&tape.strings[0]);
    rapidjson::Reader reader;
    // The stream ends at the first NUL byte: one outside a string (where it is refused) must be the text's end.
    return !reader.Parse<kParseFlags>(stream, recorder).IsError() && stream.Tell() == text.size();
}

double JsonNumber::as_double() const {
    switch (kind) {
        case integer: return double(integer_value);
        case unsigned_integer: return double(unsigned_value);
        default: return floating_value;
    }
}

}  // namespace clausier
