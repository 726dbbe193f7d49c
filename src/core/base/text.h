// text.h — French text helpers shared by every service: dates, amounts, accent folding for search and
// checks, UTF-8 hygiene. French typography uses the narrow no-break space (U+202F) before « ; : ! ? »,
// inside « », and as the digit group separator; the no-break space (U+00A0) before units such as € and %.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace clausier {

inline constexpr const char* kNbsp = "\u00A0";    // no-break space
inline constexpr const char* kNnbsp = "\u202F";   // narrow no-break space

struct Date {
    int year = 0, month = 0, day = 0;   // zero = no date
    bool valid() const { return year > 0; }
    int key() const { return year * 10000 + month * 100 + day; }   // comparable as an integer
};

Date parse_date(std::string_view iso);          // "YYYY-MM-DD"; invalid → Date{}
std::string iso_date(const Date& d);
std::string french_date(const Date& d);        // "22 novembre 2026", "1er avril 2026"

std::string group_digits(long long n);          // 60000 → "60 000" (narrow no-break spaces)
std::string french_number(double v, int decimals_max = 2);   // 12.5 → "12,5"
std::string french_euros(double v);             // 60000 → "60 000 €" (no-break before €)
std::string french_percent(double v);           // 12.5 → "12,5 %"

// Lowercases and strips accents and ligatures (é→e, œ→oe, ’→'), keeping other bytes: for search and
// word-matching that must ignore case and accents.
std::string fold(std::string_view s);
// Splits folded text into words of letters and digits.
std::vector<std::string> words(std::string_view folded);

bool valid_utf8(std::string_view s);
std::string sanitize_utf8(std::string_view s);  // replaces invalid sequences and NUL with U+FFFD
std::string trim(std::string_view s);
std::string upper_first(std::string s);   // "lot 2" → "Lot 2" (ASCII letters only)
std::string lower_first(std::string s);   // "Bilan mensuel" → "bilan mensuel", to follow a colon; "ABC" and "État" stay
bool contains(const std::vector<std::string>& v, std::string_view s);

// Applies French punctuation spacing to plain text: narrow no-break space before ; : ! ? and inside « ».
std::string french_typography(std::string_view s);

}  // namespace clausier
