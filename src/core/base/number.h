// number.h — numbers as a French user reads and types them: money (euros HT), percentages, quantities and
// whole counts. One parser and one formatter, shared by the app's fields, the CLI's options and the tests, so
// that « 59 999,50 » means the same everywhere.
//
// Formatting: the digits are grouped by three with a narrow no-break space (U+202F), the decimal separator
// is the comma, a no-break space (U+00A0) comes before « € » and « % ». Money shows its cents with two
// decimals (« 22,50 € ») and whole amounts without (« 60 000 € »).
//
// Parsing, the rules (what a person means is accepted, what could mean two things is refused):
//   - Spaces: ordinary, no-break (U+00A0), narrow no-break (U+202F), thin (U+2009) and figure (U+2007)
//     spaces are all the same; around the number they are ignored, inside it they group digits.
//   - The comma is the decimal separator, always, and appears at most once: « 1,234,567 » is refused.
//   - Digit groups are written with spaces or dots, one kind per number, the first group of 1 to 3 digits
//     and every other of exactly 3: « 59 999,50 », « 1.234.567,89 », « 59999,50 » are accepted,
//     « 5 9999 » and « 1 234.567 » are refused.
//   - A single dot with no comma: followed by exactly three digits it is ambiguous (« 1.234 »: thousands
//     in France, a decimal point in English) and refused — except for money, which never has three
//     decimals, where it groups thousands (« 60.000 € » = 60 000 €); followed by any other number of
//     digits it can only be a decimal point (« 12.5 » = 12,5; « 0.125 » too: a group never starts at 0).
//   - Money: at most two decimals; « € », « EUR » or « euros » may follow the number (« € » may also
//     precede it), then « HT » (« 60 000 € HT »); « TTC » is refused (amounts are kept excluding VAT).
//     « 1,234 » is refused for money with a message on the French decimal comma.
//   - Percentages: « % » may follow; at most two decimals. Quantities: at most three decimals, no unit
//     sign. Counts: whole numbers only.
//   - No sign: a negative number is refused (no field of a tender holds one), and so are letters, other
//     units, exponents, « NC » and an empty text.
// A failed parse never changes the caller's value: the result is written only on success.
#pragma once
#include <string>
#include <string_view>

namespace clausier {

enum class NumberKind {
    euros,      // money in euros, excluding VAT (HT)
    percent,    // a percentage: 12.5 means 12,5 %
    quantity,   // a quantity or measure without unit sign (tonnes, m², heures…)
    count,      // a whole number (months, lots, people)
};

constexpr double kMaxAmount = 1e13;   // euros HT: far above any public contract, below where doubles lose cents

// Reads `text` as a number of `kind` within [min, max]. On success writes `value` and returns true; on
// failure leaves `value` untouched and sets `error` to one French sentence (two at most) saying why the
// text is refused and what is expected, with an example.
bool parse_number(std::string_view text, NumberKind kind, double& value, std::string& error,
                  double min = 0, double max = kMaxAmount);

// The text a field of `kind` shows when it is not being edited; parse_number reads it back to the same
// value (to the precision of the kind: cents, two decimals of a percent, three of a quantity).
std::string format_number(double v, NumberKind kind);

std::string group_digits(long long n);          // 60000 → "60 000" (narrow no-break spaces)
std::string french_number(double v, int decimals_max = 2);   // 12.5 → "12,5"; trailing zeros dropped
std::string french_euros(double v);             // 60000 → "60 000 €", 22.5 → "22,50 €" (no-break before €)
std::string french_percent(double v);           // 12.5 → "12,5 %"
// A count with its noun agreed: counted(1, "marché", "marchés") → "1 marché", 12 → "12 marchés"; in French 0
// and 1 take the singular. Thousands grouped as french_number does.
std::string counted(size_t n, std::string_view one, std::string_view many);

}  // namespace clausier
