// Contrast of the interface's colours (issue 17, RGAA 3.2 and 3.3): every pair of colours the app draws one on
// the other (src/ui/theme_colors.h, plain data with no ImGui) reaches 4.5:1 for text and 3:1 for large text,
// component boundaries and the focus frame, in the light theme and in the high-contrast theme. The ratio is
// WCAG 2's: (L1 + 0.05) / (L2 + 0.05) with the relative luminance of sRGB colours.
#include <catch2/catch.hpp>
#include "../../src/ui/theme_colors.h"
#include <algorithm>
#include <cmath>
#include <string>

namespace {

double channel(uint32_t c) {
    const double s = double(c & 0xFF) / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}

double luminance(uint32_t rgb) {
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
}

double contrast(uint32_t a, uint32_t b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void check_theme(const ui::ThemeColors& t, const char* theme) {
    for (const ui::ContrastPair& p : ui::kContrastPairs) {
        const double ratio = contrast(t.*p.foreground, t.*p.background);
        INFO(theme << " — " << p.where << " : " << ratio << ":1, minimum " << p.minimum << ":1");
        CHECK(ratio >= p.minimum);
    }
}

}  // namespace

TEST_CASE("the contrast formula gives WCAG's reference values", "[contrast]") {
    CHECK(contrast(0x000000, 0xFFFFFF) == Approx(21.0));
    CHECK(contrast(0xFFFFFF, 0xFFFFFF) == Approx(1.0));
    CHECK(contrast(0x767676, 0xFFFFFF) == Approx(4.54).epsilon(0.01));   // the lightest grey that passes on white
    CHECK(contrast(0x777777, 0xFFFFFF) < 4.5);
}

TEST_CASE("every colour pair of the light theme meets RGAA contrast", "[contrast]") { check_theme(ui::kLightTheme, "thème clair"); }

TEST_CASE("every colour pair of the high-contrast theme meets RGAA contrast", "[contrast]") {
    check_theme(ui::kHighContrastTheme, "contraste élevé");
}

TEST_CASE("the old light border failed and would be caught", "[contrast]") {
    // The border of fields and buttons was #DDDDDD on white: 1.4:1, invisible to many users (RGAA 3.3).
    ui::ThemeColors old = ui::kLightTheme;
    old.border = 0xDDDDDD;
    CHECK(contrast(old.border, old.background) < 3.0);
}
