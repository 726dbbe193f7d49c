// localism.h — text scanning for the checks: a tokenizer that keeps both the folded word (for accent- and
// case-insensitive matching) and the text as written (for messages), a matcher for term lists such as
// "chiffre* d affaire*", and the localism detector (R.2111-7, R.2152-6): wording that favours an address,
// a territory, a distance or a local origin as such, tolerant of accents, case and inflection, with the
// usual legitimate uses left alone ("collectivité locale", "nettoyage des locaux", "circuit court").
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace clausier {

struct Token {
    std::string word;        // folded (lowercase, no accent)
    std::string text;        // as written
    size_t begin = 0, end = 0;   // byte offsets in the source
    int sentence = 0;        // sentences are cut at . ! ? ; and line breaks
};
std::vector<Token> tokenize(std::string_view text);

// A pattern is one folded word; a trailing '*' matches any word that starts with the rest; "#" any number.
bool word_matches(std::string_view word, std::string_view pattern);
bool any_word_matches(std::string_view word, const std::vector<std::string>& patterns);

// A term is a space-separated sequence of patterns ("vous serez retenu*", "chiffre* d affaire*").
struct TermHit {
    size_t first = 0, last = 0;   // token indices, inclusive
    std::string term;             // the term that matched
};
std::vector<std::string> split_term(std::string_view term);   // its patterns
std::vector<TermHit> find_terms(const std::vector<Token>& tokens, const std::vector<std::string>& terms);
// The source text covered by tokens first..last.
std::string span_text(std::string_view source, const std::vector<Token>& tokens, size_t first, size_t last);

// How strict the localism scan is. An award criterion is read strictly: "proximité" or "approvisionnement local"
// alone is already a scoring of place. A requirement or a description is read in context: "département" or
// "région" only count next to an operator or an origin ("entreprises du département", "issus de la région").
enum class LocalismScope { criterion, text };

// The expressions, as written and without duplicates, that favour a place as such.
std::vector<std::string> find_localism(std::string_view text, LocalismScope scope);

}  // namespace clausier
