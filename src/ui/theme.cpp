// theme.cpp — the look of a calm public-service tool: light background, sober blues and greys in the
// spirit of the French State design system, generous spacing, one type scale (body, bold, heading), and a
// high-contrast variant for projectors and low vision. The colours are data (theme_colors.h), measured by a
// contrast test.
#include "theme_colors.h"
#include "widgets.h"

namespace ui {

namespace {

ImVec4 rgb(int hex, float alpha = 1.0f) {
    return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, alpha);
}

Palette g_palette;
ImFont* g_heading = nullptr;
ImFont* g_bold = nullptr;

Palette palette_of(const ThemeColors& t) {
    return {rgb(int(t.text)),   rgb(int(t.muted)),   rgb(int(t.primary)), rgb(int(t.primary_hover)),
            rgb(int(t.background)), rgb(int(t.surface)), rgb(int(t.border)), rgb(int(t.error)),
            rgb(int(t.warning)), rgb(int(t.info)),    rgb(int(t.success))};
}

// Glyphs the French interface needs beyond Latin-1: œ Œ Ÿ, the general punctuation block (’ « » — … and the
// narrow no-break space), the euro sign, arrows and check marks.
const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0152, 0x0153, 0x0178, 0x0178, 0x2000, 0x206F,
                           0x20AC, 0x20AC, 0x2190, 0x2193, 0x2713, 0x2713, 0x25CB, 0x25CB, 0x25CF, 0x25CF, 0};

}  // namespace

const Palette& palette() { return g_palette; }
ImFont* font_heading() { return g_heading; }
ImFont* font_bold() { return g_bold; }

void load_fonts(float zoom, float dpr) {
    // Fonts are rasterised at the device pixel ratio and scaled back, so text stays crisp on high-DPI screens.
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float body = 17.0f * zoom * dpr;
    // Rasterised at the real pixel size and snapped to whole pixels: no horizontal oversampling is needed for
    // crisp text, and the atlas is built in a third of the time (start-up, and every zoom or contrast change).
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    cfg.PixelSnapH = true;
    io.Fonts->AddFontFromFileTTF("/fonts/DejaVuSans.ttf", body, &cfg, kRanges);
    g_bold = io.Fonts->AddFontFromFileTTF("/fonts/DejaVuSans-Bold.ttf", body, &cfg, kRanges);
    g_heading = io.Fonts->AddFontFromFileTTF("/fonts/DejaVuSans-Bold.ttf", 25.0f * zoom * dpr, &cfg, kRanges);
    if (!g_bold || !g_heading) {   // the fonts are embedded in the page; this only guards a broken build
        io.Fonts->AddFontDefault();
        g_bold = g_heading = io.Fonts->Fonts[0];
    }
    io.FontGlobalScale = 1.0f / dpr;
}

void apply_theme(bool high_contrast, float zoom) {
    const ThemeColors& t = high_contrast ? kHighContrastTheme : kLightTheme;
    g_palette = palette_of(t);
    const Palette& p = g_palette;
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(24, 20);
    style.FramePadding = ImVec2(10, 7);
    style.ItemSpacing = ImVec2(12, 10);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(8, 6);
    style.ScrollbarSize = 16;
    style.GrabMinSize = 12;
    style.WindowRounding = 0;
    style.ChildRounding = 4;
    style.FrameRounding = 4;
    style.PopupRounding = 4;
    style.GrabRounding = 4;
    style.TabRounding = 4;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.FrameBorderSize = high_contrast ? 2.0f : 1.0f;
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.muted;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = p.background;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_FrameBg] = p.background;
    c[ImGuiCol_FrameBgHovered] = rgb(int(t.frame_hovered));
    c[ImGuiCol_FrameBgActive] = rgb(int(t.frame_active));
    c[ImGuiCol_TitleBg] = p.surface;
    c[ImGuiCol_TitleBgActive] = p.surface;
    c[ImGuiCol_MenuBarBg] = p.background;
    c[ImGuiCol_ScrollbarBg] = p.surface;
    c[ImGuiCol_ScrollbarGrab] = rgb(int(t.scrollbar_grab));
    c[ImGuiCol_CheckMark] = p.primary;
    c[ImGuiCol_SliderGrab] = p.primary;
    c[ImGuiCol_SliderGrabActive] = p.primary_hover;
    c[ImGuiCol_Button] = rgb(int(t.button));
    c[ImGuiCol_ButtonHovered] = rgb(int(t.button_hovered));
    c[ImGuiCol_ButtonActive] = rgb(int(t.button_active));
    c[ImGuiCol_Header] = rgb(int(t.header));
    c[ImGuiCol_HeaderHovered] = rgb(int(t.header_hovered));
    c[ImGuiCol_HeaderActive] = rgb(int(t.button_hovered));
    c[ImGuiCol_Separator] = rgb(int(t.separator));
    c[ImGuiCol_Tab] = rgb(int(t.tab));
    c[ImGuiCol_TabHovered] = rgb(int(t.header_hovered));
    c[ImGuiCol_TabActive] = rgb(int(t.tab_active));
    c[ImGuiCol_TableHeaderBg] = p.surface;
    c[ImGuiCol_TableBorderStrong] = rgb(int(t.separator));
    c[ImGuiCol_TableBorderLight] = rgb(int(t.separator));
    c[ImGuiCol_TableRowBgAlt] = rgb(int(t.row_alt));
    c[ImGuiCol_NavHighlight] = rgb(int(t.focus));
    c[ImGuiCol_TextSelectedBg] = rgb(int(t.text_selected));
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.1f, 0.1f, 0.2f, 0.35f);
    style.ScaleAllSizes(zoom);
    ImGui::GetStyle() = style;
}

}  // namespace ui
