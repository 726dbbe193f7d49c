// wrap.h — where a text drawn in a column of a given width breaks into lines. Dear ImGui 1.86 breaks after a
// comma or a period and at any space, which cuts French amounts (« 59 999, / 50 € HT »); the app lays out its
// lines with this instead (src/ui/widgets.h wrapped_text) and draws them one by one.
//
// A line may end only at an ordinary space (or tab) and always ends at "\n". It never ends:
//  - at a no-break space (U+00A0) or a narrow no-break space (U+202F): « 1 234 567,89 € » stays whole;
//  - at an ordinary space inside a number or before its unit: « 59 999,50 € HT », « 12,5 % », « 60 000 € »
//    typed with plain spaces stay whole (a space between two digits, a digit and « € » or « % », and
//    « € » and « HT »/« TTC »);
//  - at an ordinary space that French typography glues: after « and before » ; : ! ?.
// Nothing inside a word ever breaks (dates « 15/01/2027 », addresses, identifiers), unless the word alone is
// wider than the column: then it is cut between characters, the last resort.
#pragma once
#include <functional>
#include <string_view>
#include <vector>

namespace clausier {

// One line of a wrapped text: the bytes [begin, end) of the text, without the spaces where it broke.
struct LineSpan {
    size_t begin = 0, end = 0;
};

// The lines of `text` (UTF-8) in a column `width` wide, where `measure(s)` is the drawn width of `s` in the
// same unit (pixels). An empty text, and each empty line, give an empty line; every line holds at least one
// character even when `width` is smaller than that character.
std::vector<LineSpan> wrap_lines(std::string_view text, float width, const std::function<float(std::string_view)>& measure);

}  // namespace clausier
