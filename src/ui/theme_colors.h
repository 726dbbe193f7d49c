// theme_colors.h — the colours of the two themes as plain data (0xRRGGBB), with no ImGui in sight, so that a
// core test (tests/core/test_contrast.cpp) measures their contrast ratios the way RGAA 3.2 and 3.3 (WCAG 1.4.3
// and 1.4.11) define them: 4.5:1 for text, 3:1 for large text (the step titles, 25 px bold) and for the
// boundaries of components and the focus frame. theme.cpp builds the ImGui style from these values.
#pragma once
#include <cstdint>

namespace ui {

struct ThemeColors {
    uint32_t text, muted, primary, primary_hover, background, surface, border, error, warning, info, success;
    // What ImGui draws besides: buttons, selected rows, hovered fields, tabs, separators, the focus frame,
    // alternate table rows, the scroll bar's grab, selected text, the text of primary buttons and notices.
    uint32_t button, button_hovered, button_active, header, header_hovered, frame_hovered, frame_active, tab,
        tab_active, separator, focus, row_alt, scrollbar_grab, text_selected, on_primary;
};

// Light theme (DSFR spirit). Borders are dark enough to show where a field or a button is (3:1 on white and on
// the grey surface), separators stay light: they only group.
constexpr ThemeColors kLightTheme = {
    0x161616, 0x595959, 0x000091, 0x1212FF, 0xFFFFFF, 0xF6F6F6, 0x858585, 0xCE0500, 0xB34000, 0x0063CB, 0x18753C,
    0xE3E3FD, 0xCACAFB, 0xADADF9, 0xE3E3FD, 0xECECFE, 0xF0F0FF, 0xE3E3FD, 0xF6F6F6,
    0xE3E3FD, 0xDDDDDD, 0x0A76F6, 0xFAFAFA, 0x7A7A7A, 0xCACAFB, 0xFFFFFF};

// High contrast (projectors, low vision): black text and borders on white, darker accents.
constexpr ThemeColors kHighContrastTheme = {
    0x000000, 0x000000, 0x000091, 0x000060, 0xFFFFFF, 0xFFFFFF, 0x000000, 0xA00000, 0x7A2B00, 0x003F8A, 0x0B4D23,
    0xFFFFFF, 0xCACAFB, 0xADADF9, 0xE3E3FD, 0xECECFE, 0xF0F0FF, 0xE3E3FD, 0xFFFFFF,
    0xE3E3FD, 0x000000, 0x000000, 0xFAFAFA, 0x000000, 0xCACAFB, 0xFFFFFF};

// Every pair of colours the interface draws one on the other, and the ratio it must reach.
struct ContrastPair {
    uint32_t ThemeColors::*foreground;
    uint32_t ThemeColors::*background;
    double minimum;   // 4.5 text, 3.0 large text or component boundary
    const char* where;
};

constexpr ContrastPair kContrastPairs[] = {
    {&ThemeColors::text, &ThemeColors::background, 4.5, "texte courant"},
    {&ThemeColors::text, &ThemeColors::surface, 4.5, "texte dans un encadré"},
    {&ThemeColors::text, &ThemeColors::button, 4.5, "texte d'un bouton"},
    {&ThemeColors::text, &ThemeColors::button_hovered, 4.5, "bouton survolé"},
    {&ThemeColors::text, &ThemeColors::button_active, 4.5, "bouton pressé"},
    {&ThemeColors::text, &ThemeColors::header, 4.5, "entrée de liste choisie"},
    {&ThemeColors::text, &ThemeColors::header_hovered, 4.5, "entrée de liste survolée"},
    {&ThemeColors::text, &ThemeColors::frame_hovered, 4.5, "champ survolé"},
    {&ThemeColors::text, &ThemeColors::frame_active, 4.5, "champ en saisie"},
    {&ThemeColors::text, &ThemeColors::tab, 4.5, "onglet"},
    {&ThemeColors::text, &ThemeColors::tab_active, 4.5, "onglet choisi"},
    {&ThemeColors::text, &ThemeColors::row_alt, 4.5, "ligne de tableau"},
    {&ThemeColors::text, &ThemeColors::text_selected, 4.5, "texte sélectionné"},
    {&ThemeColors::muted, &ThemeColors::background, 4.5, "texte d'aide, indication d'un champ"},
    {&ThemeColors::muted, &ThemeColors::surface, 4.5, "texte d'aide dans un encadré"},
    {&ThemeColors::muted, &ThemeColors::row_alt, 4.5, "texte d'aide dans un tableau"},
    {&ThemeColors::primary, &ThemeColors::background, 4.5, "titres, textes en bleu"},
    {&ThemeColors::primary, &ThemeColors::surface, 4.5, "titre d'un encadré"},
    {&ThemeColors::primary, &ThemeColors::header, 4.5, "titre sur une entrée choisie"},
    {&ThemeColors::error, &ThemeColors::background, 4.5, "point bloquant, message d'erreur"},
    {&ThemeColors::error, &ThemeColors::surface, 4.5, "encadré d'alerte"},
    {&ThemeColors::warning, &ThemeColors::background, 4.5, "alerte"},
    {&ThemeColors::warning, &ThemeColors::surface, 4.5, "encadré « À compléter »"},
    {&ThemeColors::info, &ThemeColors::background, 4.5, "conseil"},
    {&ThemeColors::info, &ThemeColors::surface, 4.5, "encadré « Pourquoi ? »"},
    {&ThemeColors::success, &ThemeColors::background, 4.5, "étape faite, enregistré"},
    {&ThemeColors::success, &ThemeColors::surface, 4.5, "encadré de scénario"},
    {&ThemeColors::border, &ThemeColors::background, 3.0, "contour d'un champ ou d'un bouton"},
    {&ThemeColors::border, &ThemeColors::surface, 3.0, "contour sur un encadré"},
    {&ThemeColors::primary, &ThemeColors::frame_active, 3.0, "case cochée"},
    {&ThemeColors::focus, &ThemeColors::background, 3.0, "cadre du focus"},
    {&ThemeColors::focus, &ThemeColors::surface, 3.0, "cadre du focus sur un encadré"},
    {&ThemeColors::focus, &ThemeColors::header, 3.0, "cadre du focus sur une entrée choisie"},
    {&ThemeColors::scrollbar_grab, &ThemeColors::surface, 3.0, "barre de défilement"},
    {&ThemeColors::on_primary, &ThemeColors::primary, 4.5, "bouton principal, message de confirmation"},
    {&ThemeColors::on_primary, &ThemeColors::primary_hover, 4.5, "bouton principal survolé"},
};

}  // namespace ui
