// json_tape.h — a JSON text read as a flat list of tokens that point into the text: no tree, no copy of a
// key or a string, one allocation for the whole list. Reading a project file this way (project/model.cpp)
// instead of building nlohmann's tree is what lets a 500-project portfolio open within its budget
// (docs/benchmarks.md, `portfolio_500_ms`).
//
// The tape accepts a subset of what nlohmann::json::parse accepts (RFC 8259 without a byte-order mark, no
// number beyond a double), and every value it accepts reads as nlohmann reads it: a caller that gets `false`
// from read_json_tape falls back to nlohmann, for its verdict and its error message.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clausier {

struct JsonToken {
    enum Kind : uint8_t { null, boolean, number, string, object, array };
    Kind kind = null;
    bool escaped = false;    // a string holding backslash escapes (decode it with json_string)
    bool truth = false;      // a boolean's value
    uint32_t begin = 0;      // the value's bytes in the text: a string's without its quotes, a container's with its brackets
    uint32_t end = 0;
    uint32_t next = 0;       // index of the token after this value and everything inside it
};

// An object is its token followed by its members, each a string token (the key) then the value's tokens; an
// array is its token followed by its elements' tokens. `next` skips a whole value.
struct JsonTape {
    std::string_view text;
    std::vector<JsonToken> tokens;
};

// Reads `text` (valid UTF-8: valid_utf8; one JSON value, white space around it) into `tape`; false when the
// text is not JSON, nests deeper than `max_depth`, or holds anything the tape does not take (see above).
bool read_json_tape(std::string_view text, JsonTape& tape, int max_depth);

// A string token's text, escapes decoded as nlohmann decodes them (\u escapes to UTF-8, surrogate pairs
// joined; read_json_tape refused unpaired surrogates).
std::string json_string(const JsonTape& tape, const JsonToken& t);
// True when string token `t` is exactly `s` (escapes decoded).
bool json_string_is(const JsonTape& tape, const JsonToken& t, std::string_view s);
// A number token as nlohmann stores it: a negative integer that fits 64 bits as a signed one, another integer
// that fits as an unsigned one, anything else as a double (read_json_tape refused numbers beyond a double).
struct JsonNumber {
    enum Kind : uint8_t { integer, unsigned_integer, floating };
    Kind kind = floating;
    long long integer_value = 0;
    unsigned long long unsigned_value = 0;
    double floating_value = 0;
    double as_double() const;   // as nlohmann's get<double>() gives it (so "-0" is 0)
};
JsonNumber json_number(const JsonTape& tape, const JsonToken& t);

}  // namespace clausier
