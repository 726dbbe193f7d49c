// date.h — calendar dates as the project stores them (ISO 8601, "YYYY-MM-DD") and as a French user types
// and reads them (« 15/01/2027 », « 15 janvier 2027 »). No time of day, no time zone: a launch date or a
// deadline is a day.
#pragma once
#include <string>
#include <string_view>

namespace clausier {

struct Date {
    int year = 0, month = 0, day = 0;   // zero = no date
    bool valid() const { return year > 0; }
    int key() const { return year * 10000 + month * 100 + day; }   // comparable as an integer
};

// Years a date may carry (both included): wider than any procurement date, narrow enough to catch typos.
constexpr int kMinYear = 1900, kMaxYear = 2199;

int days_in_month(int year, int month);          // month 1–12; 29 for February in leap years
int weekday(const Date& d);                      // 0 for Monday … 6 for Sunday (Gregorian calendar)
const char* french_month(int month);             // month 1–12: "janvier" … "décembre"
const char* french_weekday(int weekday);         // 0–6 as weekday() gives: "lundi" … "dimanche"

Date parse_date(std::string_view iso);          // exactly "YYYY-MM-DD" (what files store); invalid → Date{}
std::string iso_date(const Date& d);            // "2027-01-15"; "" for no date
std::string french_date(const Date& d);        // "22 novembre 2026", "1er avril 2026"
std::string short_french_date(const Date& d);  // "15/01/2027", what a date field shows for editing

// A date typed by a person: « 15/01/2027 », « 15/1/2027 », « 15-01-2027 », « 15.01.2027 » (day first, as in
// France) or « 2027-01-15 » (ISO), with spaces around it ignored. The year has four digits: « 15/01/27 » is
// refused rather than guessed. On success sets `out` and returns true; on failure leaves `out` untouched
// and sets `error` to one French sentence saying what is wrong and what is expected (an impossible day
// such as 31/02/2027 names the number of days of that month).
bool parse_french_date(std::string_view text, Date& out, std::string& error);

}  // namespace clausier
