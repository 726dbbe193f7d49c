// text.h — French text helpers shared by every service: accent folding for search and checks, UTF-8 and
// line-break hygiene, French typography, web and e-mail addresses in text. French typography uses the narrow
// no-break space (U+202F) before « ; : ! ? », inside « », and as the digit group separator; the no-break
// space (U+00A0) before units such as € and %.
//
// Dates (date.h), numbers and amounts (number.h) and Unicode normalisation (unicode.h) have headers of their
// own, included here because nearly every user of these helpers needs them too.
#pragma once
#include "base/date.h"
#include "base/number.h"
#include "base/unicode.h"
#include <string>
#include <string_view>
#include <vector>

namespace clausier {

inline constexpr const char* kNbsp = "\u00A0";    // no-break space
inline constexpr const char* kNnbsp = "\u202F";   // narrow no-break space

// Lowercases and strips accents and ligatures (é→e, œ→oe, ’→'), keeping other bytes: for search and
// word-matching that must ignore case and accents. Decomposed accents (e + U+0301) are stripped the same
// way, so « re\u0301serve\u0301 » folds like « réservé »; no-break spaces fold to a space.
std::string fold(std::string_view s);
// Splits folded text into words of letters and digits.
std::vector<std::string> words(std::string_view folded);

bool valid_utf8(std::string_view s);
std::string sanitize_utf8(std::string_view s);  // replaces invalid sequences and NUL with U+FFFD
std::string trim(std::string_view s);            // without the spaces, tabs and line breaks around it

// Multi-line text (a description, a clause, notes) as the core keeps it: "\n" ends a line. CR LF, CR,
// vertical tab (U+000B), NEL (U+0085) and the line separator (U+2028) become "\n"; form feed (U+000C) and
// the paragraph separator (U+2029) become a blank line ("\n\n": a new paragraph, see text_blocks in
// document.h); tabs and every other control character (C0, DEL, C1) become a space. Nothing is ever
// deleted; invalid UTF-8 becomes U+FFFD.
std::string multiline_text(std::string_view s);
// One-line text (an object, a title, a name): multiline_text, then every run of line breaks, with the
// ordinary spaces around it, becomes one space (« locaux\n  et de » → « locaux et de »). Spaces at the ends
// are kept (the user may be typing one); trim() when storing.
std::string one_line(std::string_view s);
std::string upper_first(std::string s);   // "lot 2" → "Lot 2" (ASCII letters only)
std::string lower_first(std::string s);   // "Bilan mensuel" → "bilan mensuel", to follow a colon; "ABC" and "État" stay
bool contains(const std::vector<std::string>& v, std::string_view s);
// A French enumeration: "a", "a et b", "a, b et c".
std::string french_list(const std::vector<std::string>& items);

// A web or e-mail address found in plain text, and the address a link to it uses. Found: http:// and https://
// addresses, « www. » addresses (linked with https://), mailto: addresses and bare e-mail addresses
// (linked with mailto:). Punctuation that ends a sentence (. , ; : ! ? ’ and an unmatched closing
// bracket) is not part of the address.
struct TextLink {
    size_t begin = 0, end = 0;   // byte range in the text
    std::string href;            // always starts with "https://", "http://" or "mailto:"; nothing else
};
std::vector<TextLink> find_links(std::string_view text);

// Applies French punctuation spacing to plain text: narrow no-break space before ; : ! ? and inside « ».
// Tokens are never cut: nothing is inserted inside a web or e-mail address (find_links), an identifier
// such as « idweb:26-00000 » or a time such as « 14:30 » (a colon between two letters or digits).
std::string french_typography(std::string_view s);
// The typographic apostrophe (’, U+2019) for a straight one between two letters: « l'acheteur », « d'offres »,
// « aujourd'hui ». A straight quote that opens or closes a word (« 'mot' »), one beside a digit or a space, and
// anything inside a web or e-mail address (find_links) are left as they are. Idempotent. For prose only: data
// exports (JSON, OCDS, DECP), identifiers, file names and code values keep their characters.
std::string typographic_apostrophes(std::string_view s);

}  // namespace clausier
