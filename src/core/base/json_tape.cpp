#include "base/json_tape.h"
#include <nlohmann/json.hpp>

namespace clausier {

namespace {

using json = nlohmann::json;

// Records nlohmann's parse events as tokens (json_tape.h). Returning false stops the parse.
struct TapeRecorder : nlohmann::json_sax<json> {
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
    bool text(const string_t& s) {
        JsonToken& t = push(JsonToken::string);
        t.begin = uint32_t(tape.strings.size());
        tape.strings += s;
        t.end = uint32_t(tape.strings.size());
        return tape.strings.size() < UINT32_MAX;
    }
    bool number(const JsonNumber& n) {
        push(JsonToken::number).begin = uint32_t(tape.numbers.size());
        tape.numbers.push_back(n);
        return true;
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

    bool null() override { return push(JsonToken::null), true; }
    bool boolean(bool v) override { return push(JsonToken::boolean).truth = v, true; }
    bool number_integer(number_integer_t v) override {
        JsonNumber n;
        n.kind = JsonNumber::integer;
        n.integer_value = v;
        return number(n);
    }
    bool number_unsigned(number_unsigned_t v) override {
        JsonNumber n;
        n.kind = JsonNumber::unsigned_integer;
        n.unsigned_value = v;
        return number(n);
    }
    bool number_float(number_float_t v, const string_t&) override {
        JsonNumber n;
        n.floating_value = v;
        return number(n);
    }
    bool string(string_t& s) override { return text(s); }
    bool key(string_t& s) override { return text(s); }
    bool binary(binary_t&) override { return false; }   // not in JSON text
    bool start_object(std::size_t) override { return start(JsonToken::object); }
    bool end_object() override { return end(); }
    bool start_array(std::size_t) override { return start(JsonToken::array); }
    bool end_array() override { return end(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

}  // namespace

bool read_json_tape(std::string_view text, JsonTape& tape, int max_depth) {
    tape.tokens.clear();
    tape.strings.clear();
    tape.numbers.clear();
    tape.tokens.reserve(text.size() / 16);
    tape.strings.reserve(text.size());
    TapeRecorder recorder(tape, max_depth);
    return json::sax_parse(text.begin(), text.end(), &recorder);
}

double JsonNumber::as_double() const {
    switch (kind) {
        case integer: return double(integer_value);
        case unsigned_integer: return double(unsigned_value);
        default: return floating_value;
    }
}

}  // namespace clausier
