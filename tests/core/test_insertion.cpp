// The insertion-hours calculator: worked examples a facilitator would recognise, and bad input refused
// with a French message.
#include <catch2/catch.hpp>
#include "law/insertion.h"
#include "base/text.h"
#include <limits>

using namespace clausier;
using Catch::Matchers::Contains;

TEST_CASE("insertion: 500 000 € at 40 % labour, 35 €/h, 7 %", "[insertion]") {
    const InsertionEstimate e = estimate_insertion_hours(500000, 40, 35, 7);
    REQUIRE(e.valid);
    CHECK(e.error.empty());
    CHECK(e.labour_cost == Approx(200000));
    CHECK(e.labour_hours == Approx(5714.2857).epsilon(1e-6));
    CHECK(e.insertion_hours == Approx(400.0));
    CHECK(e.rounded_hours == 400);
    CHECK_THAT(e.explanation, Contains("Sur 500" + std::string(kNnbsp) + "000" + kNbsp + "€ HT"));
    CHECK_THAT(e.explanation, Contains("la main-d'œuvre représente 40" + std::string(kNbsp) + "%"));
    CHECK_THAT(e.explanation, Contains("5" + std::string(kNnbsp) + "714 heures"));
    CHECK_THAT(e.explanation, Contains("400 heures"));
    CHECK_THAT(e.explanation, Contains("facilitateur"));
}

TEST_CASE("insertion: 1 200 000 € of works at 50 %, 30 €/h, 5 %", "[insertion]") {
    const InsertionEstimate e = estimate_insertion_hours(1200000, 50, 30, 5);
    REQUIRE(e.valid);
    CHECK(e.labour_cost == Approx(600000));
    CHECK(e.labour_hours == Approx(20000));
    CHECK(e.insertion_hours == Approx(1000));
    CHECK(e.rounded_hours == 1000);
}

TEST_CASE("insertion: a small cleaning contract rounds to the nearest hour", "[insertion]") {
    // 80 000 € × 70 % = 56 000 € ; / 28 €/h = 2 000 h ; × 10 % = 200 h.
    InsertionEstimate e = estimate_insertion_hours(80000, 70, 28, 10);
    REQUIRE(e.valid);
    CHECK(e.labour_hours == Approx(2000));
    CHECK(e.rounded_hours == 200);
    // 100 000 € × 40 % / 35 €/h × 7 % = 80 h (79,99…)
    e = estimate_insertion_hours(100000, 40, 35, 7);
    CHECK(e.insertion_hours == Approx(80.0));
    CHECK(e.rounded_hours == 80);
    // A zero rate is allowed: no insertion hours.
    e = estimate_insertion_hours(100000, 40, 35, 0);
    REQUIRE(e.valid);
    CHECK(e.rounded_hours == 0);
}

TEST_CASE("insertion: bad input gives a French message and no figure", "[insertion]") {
    struct Case { double value, share, cost, rate; const char* words; };
    const Case cases[] = {
        {0, 40, 35, 7, "valeur estimée"},
        {-10, 40, 35, 7, "valeur estimée"},
        {100000, 0, 35, 7, "main-d'œuvre"},
        {100000, 120, 35, 7, "main-d'œuvre"},
        {100000, 40, 0, 7, "coût horaire"},
        {100000, 40, 35, 101, "taux d'insertion"},
        {100000, 40, 35, -1, "taux d'insertion"},
        {std::numeric_limits<double>::infinity(), 40, 35, 7, "valeur estimée"},
        {100000, 40, std::numeric_limits<double>::quiet_NaN(), 7, "coût horaire"},
    };
    for (const Case& c : cases) {
        const InsertionEstimate e = estimate_insertion_hours(c.value, c.share, c.cost, c.rate);
        INFO(c.value << " " << c.share << " " << c.cost << " " << c.rate);
        CHECK_FALSE(e.valid);
        CHECK_THAT(e.error, Contains(c.words));
        CHECK(e.insertion_hours == 0);
        CHECK(e.explanation.empty());
    }
}
