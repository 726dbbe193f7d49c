// json_tape.h — a JSON text read as a flat list of tokens: no tree, one allocation for the list, one for the
// strings and one for the numbers. RapidJSON's SAX reader parses the text (it decides what is JSON and how each
// value reads); the tape only records what the parser reports. Its flags and checks make it refuse everything
// nlohmann_json refuses and read every value as nlohmann does (it may refuse more: the caller then reads the file
// with nlohmann's tree, the reference, which gives the verdict and the French message). Reading a project file
// this way (project/model.cpp) instead of building nlohmann's tree — an object node, a map and a string for every
// member — is what brings a 500-project portfolio towards its budget (docs/benchmarks.md, `portfolio_500_ms`).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clausier {

// A number as nlohmann reports it: a negative integer that fits 64 bits as a signed one, another integer that
// fits as an unsigned one, anything else as a double.
struct JsonNumber {
    enum Kind : uint8_t { integer, unsigned_integer, floating };
    Kind kind = floating;
    long long integer_value = 0;
    unsigned long long unsigned_value = 0;
    double floating_value = 0;
    double as_double() const;   // as nlohmann's get<double>() gives it
};

struct JsonToken {
    enum Kind : uint8_t { null, boolean, number, string, object, array };
    Kind kind = null;
    bool truth = false;      // a boolean's value
    uint32_t begin = 0;      // a string's (or key's) bytes in JsonTape::strings, decoded; a number's index in numbers
    uint32_t end = 0;
    uint32_t next = 0;       // index of the token after this value and everything inside it
};

// An object is its token followed by its members, each a string token (the key) then the value's tokens; an
// array is its token followed by its elements' tokens. `next` skips a whole value.
struct JsonTape {
    std::vector<JsonToken> tokens;
    std::string strings;              // the text, each key and string value decoded in place (tokens say where)
    std::vector<JsonNumber> numbers;
};

// Reads `text` (one JSON value, white space around it, UTF-8 without a byte order mark) into `tape` with
// RapidJSON's SAX reader; false when RapidJSON refuses the text (always when nlohmann would), when a string holds
// an escaped lone surrogate, or when it nests deeper than `max_depth` (the caller then asks nlohmann's tree for
// its verdict and its error message).
bool read_json_tape(const std::string& text, JsonTape& tape, int max_depth);

// A string token's text (decoded).
inline std::string_view json_string(const JsonTape& tape, const JsonToken& t) {
    return std::string_view(tape.strings).substr(t.begin, t.end - t.begin);
}
inline const JsonNumber& json_number(const JsonTape& tape, const JsonToken& t) { return tape.numbers[t.begin]; }

}  // namespace clausier
