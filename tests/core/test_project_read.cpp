// Reading a project file from the token tape (base/json_tape.h, project_from_text) gives what reading it
// through nlohmann's tree gives (project_from_json): the same project, the same portfolio summary, the same
// verdict and French message on a broken file. The tree is the reference: it is how every file was read before.
#include "base/json_tape.h"
#include "base/unicode.h"
#include "portfolio/portfolio.h"
#include "project/scenarios.h"
#include "../../bench/portfolio_gen.h"
#include <catch2/catch.hpp>
#include <random>

using namespace clausier;

namespace {

struct Read {
    bool ok = false;
    std::string error, text;   // the message, or the project as written again
};

Read outcome(bool ok, const Project& p, const std::string& error) { return {ok, ok ? "" : error, ok ? project_to_text(p) : ""}; }

Read read_fast(const std::string& text) {
    Project p;
    std::string error;
    const bool ok = project_from_text(text, p, error);
    return outcome(ok, p, error);
}

// The tree's reading of a file that passes project_from_text's first checks (size, UTF-8, depth).
Read read_tree(const std::string& text) {
    json doc = json::parse(nfc(text), nullptr, false);
    if (doc.is_discarded()) return {false, "(not JSON)", ""};
    Project p;
    std::string error;
    const bool ok = project_from_json(std::move(doc), p, error);
    return outcome(ok, p, error);
}

void same_reading(const std::string& text) {
    INFO(text.substr(0, 400));
    const Read fast = read_fast(text), tree = read_tree(text);
    REQUIRE(fast.ok == tree.ok);
    if (tree.error == "(not JSON)") CHECK(fast.error.rfind("Ce fichier n'est pas un projet Clausier : ", 0) == 0);
    else CHECK(fast.error == tree.error);
    CHECK(fast.text == tree.text);
}

std::vector<std::string> scenario_texts() {
    std::vector<std::string> out;
    for (const Scenario& s : bundled_scenarios()) out.push_back(s.text);
    return out;
}

}  // namespace

TEST_CASE("the scenarios and generated projects read from the tape as from nlohmann's tree, summary included", "[portfolio][project]") {
    std::vector<std::string> files = scenario_texts();
    for (const std::string& f : bench::generated_portfolio(60)) files.push_back(f);
    std::vector<PortfolioProject> fast(files.size()), tree(files.size());
    for (size_t i = 0; i < files.size(); ++i) {
        JsonTape tape;
        CHECK(read_json_tape(files[i], tape, kMaxJsonDepth));   // the tape takes them: the fast path is what is compared
        std::string error;
        fast[i].file = tree[i].file = "p" + std::to_string(i);
        REQUIRE(project_from_text(files[i], fast[i].project, error));
        REQUIRE(project_from_json(json::parse(nfc(files[i])), tree[i].project, error));
        CHECK(project_to_text(fast[i].project) == project_to_text(tree[i].project));
    }
    CHECK(portfolio_to_json(summarize_portfolio(fast)) == portfolio_to_json(summarize_portfolio(tree)));
}

TEST_CASE("files the tape hands to nlohmann, or reads with care, give the tree's project or message", "[portfolio][project]") {
    const std::string head = R"({"format": "clausier-projet", "schema_version": 1, )";
    const char* const bodies[] = {
        R"("title": "a", "title": "b"})",                                   // duplicate key: the last one
        R"("title": "a", "title": null})",                                  // … even null
        R"("title": "\u00e9t\u00C9 \ud83d\ude00 \" \\ \/ \b\f\n\r\t"})",   // escapes
        R"("title": "\ud83d"})",                                            // unpaired surrogate
        R"("title": "e\u0301t\u0065\u0301"})",                              // escaped combining marks stay as written
        "\"title\": \"e\xCC\x81t\xC3\xA9\"}",                               // raw ones are normalised
        R"("title": 3})",                                                   // wrong type: the message
        R"("need": {"duration_months": -0, "renewals": 2.9, "launch_date": "2027-01-01"}, "advance_percent": 1e1})",
        R"("need": {"duration_months": 1e400}})",
        R"("need": {"duration_months": 18446744073709551616}})",
        R"("payment_days": 01})",
        R"("lots": [{"title": "A", "value": 1.5e3}, {"title": "B", "value": 12345678901234567890}]})",
        R"("lots": [{"title": "A"}, 3]})",
        R"("goals": ["a", 2]})",
        R"("clauses": [{"id": "X", "values": {"n": 1, "f": 1.0, "m": -1, "o": {"k": [1, "é"]}, "s": "t", "n": 2}}]})",
        R"("scenario": {"b": 1, "a": [true, false, null]}, "extra": 1.50, "extra": "x"})",   // unknown keys kept
        R"("need": {"pooling": "groupement"}, "buyer": {"name": "Ville"}})",               // migration names a coordinator
        R"("ambition": "inconnue"})",
        R"("variants": "oui"})",
        R"("title": "a",})",
        R"("title": "a"} x)",
        R"("title": "tab	inside"})",
    };
    for (const char* body : bodies) same_reading(head + body);
    same_reading(R"({"format": "clausier-projet", "schema_version": 0, "need": {"amount": 5}, "clauses": ["A"]})");
    same_reading(R"({"format": "clausier-projet", "schema_version": 1.0})");
    same_reading(R"({"format": "clausier-projet", "schema_version": 2})");
    same_reading(R"({"format": "autre", "schema_version": 1})");
    same_reading("\xEF\xBB\xBF" + head + R"("title": "BOM"})");
    same_reading("[1, 2]");
}

TEST_CASE("a scenario with random ASCII damage reads from the tape as from the tree", "[portfolio][project]") {
    const std::string base = find_scenario("nettoyage-insertion")->text;
    const std::string alphabet = "{}[],:\"\\0123456789-+.eEuntrfals ";
    std::mt19937 rng(15);
    for (int round = 0; round < 300; ++round) {
        std::string text = base;
        for (int k = 0; k < 1 + round % 3; ++k) {
            size_t at = rng() % text.size();
            while (static_cast<unsigned char>(text[at]) >= 0x80) at = (at + 1) % text.size();
            text[at] = alphabet[rng() % alphabet.size()];
        }
        same_reading(text);
    }
}

namespace {

// A value with its types written out (integer, unsigned, double are three kinds for nlohmann): two values with
// the same description read the same.
std::string typed(const json& v) {
    std::string out = std::to_string(int(v.type())) + ":";
    if (v.is_object() || v.is_array()) {
        for (auto it = v.begin(); it != v.end(); ++it)
            out += (v.is_object() ? json(it.key()).dump() + "=" : "") + typed(*it) + ",";
        return out + "]";
    }
    return out + v.dump();
}

// The tape's value starting at `t`, as nlohmann's tree (duplicate keys: the last one, as nlohmann keeps it).
json tape_value(const JsonTape& tape, const JsonToken* t) {
    switch (t->kind) {
        case JsonToken::null: return nullptr;
        case JsonToken::boolean: return t->truth;
        case JsonToken::string: return std::string(json_string(tape, *t));
        case JsonToken::number: {
            const JsonNumber& n = json_number(tape, *t);
            if (n.kind == JsonNumber::integer) return json(json::number_integer_t(n.integer_value));
            if (n.kind == JsonNumber::unsigned_integer) return json(json::number_unsigned_t(n.unsigned_value));
            return json(n.floating_value);
        }
        default: break;
    }
    const JsonToken* const end = tape.tokens.data() + t->next;
    json out = t->kind == JsonToken::object ? json::object() : json::array();
    for (const JsonToken* c = t + 1; c < end;) {
        if (t->kind == JsonToken::array) {
            out.push_back(tape_value(tape, c));
            c = tape.tokens.data() + c->next;
            continue;
        }
        const JsonToken* value = c + 1;
        out[std::string(json_string(tape, *c))] = tape_value(tape, value);
        c = tape.tokens.data() + value->next;
    }
    return out;
}

// The tape never takes a text nlohmann refuses, and reads what it takes as nlohmann does. Returns whether the
// tape took it.
bool tape_agrees(const std::string& text) {
    INFO(text.substr(0, 200));
    JsonTape tape;
    const bool took = read_json_tape(text, tape, kMaxJsonDepth);
    const json tree = json::parse(text, nullptr, false);
    if (took) {
        REQUIRE(!tree.is_discarded());
        CHECK(typed(tape_value(tape, tape.tokens.data())) == typed(tree));
    }
    return took;
}

}  // namespace

TEST_CASE("the tape takes what nlohmann takes and reads it the same: numbers, strings, nesting", "[portfolio][project]") {
    const char* const taken[] = {
        "0", "-0", "-0.0", "0.0", "1e-400", "-1e-400", "1E+2", "1e2", "0.1", "2.5e-3", "123.456e7",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551615", "18446744073709551616", "123456789012345678901234567890",
        "1.7976931348623157e308", "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9e-324",
        "2.4703282292062327e-324", "2.4703282292062328e-324", "9007199254740993", "9007199254740993.0",
        "0.30000000000000001665334536937734810635447502136230468750000000000001",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "[1, -1, 1.0, true, false, null]", "{\"a\": {\"b\": [[], {}]}, \"a\": 2}",
        R"("\u0000 inside")", R"("\ud83d\ude00 \u00e9 \/ \b\f\n\r\t \" \\")", "\"\xF0\x9F\x98\x80 \x7F \xEF\xBF\xBF\"",
        " \t\r\n{\"k\": \"v\"} \t\r\n",
    };
    for (const char* text : taken) CHECK(tape_agrees(text));
    const std::string embedded_nul("\"a\\u0000b\"", 10);
    CHECK(tape_agrees(embedded_nul));

    const char* const refused[] = {
        "1e400", "-1e400", "1.7976931348623159e308", "01", "-01", "1.", ".5", "-", "+1", "1e", "1e+", "0x10",
        "NaN", "Infinity", "-Infinity", "[1,]", "{\"a\": 1,}", "/* c */ 1", "1 // c", "1 2", "{} x", "[] ]",
        R"("\ud83d")", R"("\ud83d x")", R"("\ud83d\u0041")", R"("\udc00")", R"("a \ude00 b")", R"("\x")",
        R"("\u12")", "\"\xED\xA0\x80\"", "\"\xC0\xAF\"", "\"\xF4\x90\x80\x80\"", "\"\xE2\x82\"", "\"\x80\"",
        "\"\xFF\"", "\"a\x01\"", "\"tab\tinside\"", "\"unterminated", "", " ", "nul", "tru", "[", "{\"a\"}",
        "\xEF\xBB\xBF{}",   // nlohmann skips a byte order mark; the tape leaves such a file to it
    };
    for (const char* text : refused) CHECK_FALSE(tape_agrees(text));
    CHECK_FALSE(tape_agrees(std::string("{} \0 x", 6)));   // a NUL byte after the value is not the end
    CHECK_FALSE(tape_agrees(std::string("\"a\0b\"", 5)));   // nor a raw one in a string

    JsonTape tape;
    CHECK(read_json_tape(std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']'), tape, kMaxJsonDepth));
    CHECK_FALSE(read_json_tape(std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']'), tape, kMaxJsonDepth));
    CHECK_FALSE(read_json_tape(std::string(100000, '['), tape, kMaxJsonDepth));
}

TEST_CASE("random numbers read from the tape as nlohmann reads them", "[portfolio][project]") {
    std::mt19937 rng(8);
    const auto digits = [&](int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += char('0' + rng() % 10);
        return s;
    };
    for (int round = 0; round < 20000; ++round) {
        std::string n = (rng() % 2 ? "-" : "") + std::to_string(1 + rng() % 9) + digits(rng() % 25);
        if (rng() % 2) n += "." + digits(1 + rng() % 30);
        if (rng() % 2) n += (rng() % 2 ? "e-" : "e") + std::to_string(rng() % 330);
        tape_agrees("[" + n + "]");
    }
}
