#include "base/date.h"
#include "base/text.h"
#include <cstdio>
#include <vector>

namespace clausier {

namespace {

const char* const kMonths[] = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                               "août", "septembre", "octobre", "novembre", "décembre"};
const char* const kWeekdays[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};

const char* const kExpected = "saisissez-la sous la forme JJ/MM/AAAA, par exemple 15/01/2027";

// The pieces of a typed date: runs of digits or of letters, with the separators between them.
struct Piece {
    std::string text;
    bool digits = false;
};

std::vector<Piece> split_pieces(const std::string& s, std::string& separators) {
    std::vector<Piece> out;
    for (size_t i = 0; i < s.size();) {
        const char c = s[i];
        const bool digit = c >= '0' && c <= '9';
        const bool letter = (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
        if (!digit && !letter) { separators += c; ++i; continue; }
        Piece p{"", digit};
        while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') == digit) &&
               (digit || (s[i] >= 'a' && s[i] <= 'z') || static_cast<unsigned char>(s[i]) >= 0x80))
            p.text += s[i++];
        out.push_back(std::move(p));
    }
    return out;
}

int number_of(const std::string& digits) {
    int v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

// 1–12 for a French month name (accents and case ignored, "fevrier" and "Février" alike), else 0.
int month_of_name(const std::string& folded) {
    for (int m = 0; m < 12; ++m)
        if (fold(kMonths[m]) == folded) return m + 1;
    return 0;
}

// Checks the ranges of a date read in some form, naming what is impossible.
bool checked(int y, int m, int d, Date& out, std::string& error) {
    if (y < kMinYear || y > kMaxYear) {
        error = "L'année " + std::to_string(y) + " est hors des dates admises (de " + std::to_string(kMinYear) + " à " +
                std::to_string(kMaxYear) + ").";
        return false;
    }
    if (m < 1 || m > 12) {
        error = "Le mois " + std::to_string(m) + " n'existe pas : le mois va de 1 à 12 (" + kExpected + ").";
        return false;
    }
    if (d < 1 || d > days_in_month(y, m)) {
        error = d < 1 || d > 31 ? "Le jour " + std::to_string(d) + " n'existe pas : le jour va de 1 à 31."
                                : "Le " + std::to_string(d) + " " + kMonths[m - 1] + " " + std::to_string(y) +
                                      " n'existe pas : ce mois compte " + std::to_string(days_in_month(y, m)) + " jours.";
        return false;
    }
    out = Date{y, m, d};
    return true;
}

}  // namespace

// Sakamoto's method, shifted so that Monday is 0.
int weekday(const Date& d) {
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    const int y = d.year - (d.month < 3);
    return (y + y / 4 - y / 100 + y / 400 + t[d.month - 1] + d.day + 6) % 7;
}

const char* french_month(int month) { return kMonths[month - 1]; }
const char* french_weekday(int weekday) { return kWeekdays[weekday]; }

int days_in_month(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m < 1 || m > 12 ? 0 : m == 2 && leap ? 29 : d[m - 1];
}

Date parse_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return {};
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return {};
    Date d;
    std::string ignored;
    return checked(number_of(std::string(s.substr(0, 4))), number_of(std::string(s.substr(5, 2))),
                   number_of(std::string(s.substr(8, 2))), d, ignored) ? d : Date{};
}

std::string iso_date(const Date& d) {
    if (!d.valid()) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string short_french_date(const Date& d) {
    if (!d.valid()) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
    return buf;
}

std::string french_date(const Date& d) {
    if (!d.valid()) return "";
    return (d.day == 1 ? std::string("1er") : std::to_string(d.day)) + " " + kMonths[d.month - 1] + " " +
           std::to_string(d.year);
}

bool parse_french_date(std::string_view text, Date& out, std::string& error) {
    const std::string s = fold(trim(one_line(text)));   // lowercase, no accents, no-break spaces as spaces
    if (s.empty()) {
        error = std::string("Aucune date saisie : ") + kExpected + ".";
        return false;
    }
    std::string seps;
    std::vector<Piece> p = split_pieces(s, seps);
    if (p.size() == 3 && p[0].digits && p[2].digits) {
        if (p[1].digits) {   // numbers only: ISO year first, else day first; one kind of separator, used twice
            std::string marks;   // the separators other than spaces: « 15 / 01 / 2027 » reads as « 15/01/2027 »
            for (char c : seps) if (c != ' ') marks += c;
            const bool same = marks.size() == 2 && marks[0] == marks[1] && (marks[0] == '/' || marks[0] == '-' || marks[0] == '.');
            const bool iso = p[0].text.size() == 4 && p[1].text.size() <= 2 && p[2].text.size() <= 2;
            const bool french = p[0].text.size() <= 2 && p[1].text.size() <= 2 && p[2].text.size() == 4;
            if (same && iso) return checked(number_of(p[0].text), number_of(p[1].text), number_of(p[2].text), out, error);
            if (same && french) return checked(number_of(p[2].text), number_of(p[1].text), number_of(p[0].text), out, error);
            if (same && p[0].text.size() <= 2 && p[1].text.size() <= 2 && p[2].text.size() == 2) {
                error = "L'année s'écrit avec ses quatre chiffres (par exemple 15/01/2027 plutôt que 15/01/27).";
                return false;
            }
        } else if (p[0].text.size() <= 2 && p[2].text.size() == 4 && seps.find_first_not_of(' ') == std::string::npos) {
            if (const int m = month_of_name(p[1].text))   // « 15 janvier 2027 »
                return checked(number_of(p[2].text), m, number_of(p[0].text), out, error);
        }
    } else if (p.size() == 4 && p[0].digits && p[1].text == "er" && !p[2].digits && p[3].digits && p[3].text.size() == 4 &&
               seps.find_first_not_of(' ') == std::string::npos) {
        if (const int m = month_of_name(p[2].text))   // « 1er avril 2027 »
            return checked(number_of(p[3].text), m, number_of(p[0].text), out, error);
    }
    error = "« " + trim(one_line(text)) + " » n'est pas une date reconnue : " + kExpected + ".";
    return false;
}

}  // namespace clausier
