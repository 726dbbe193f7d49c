// What the program reads must be byte for byte the repository's files, and files added at run time (the
// benchmark's generated libraries) must join the listing.
#include "base/bundle.h"
#include "test_files.h"
#include <catch2/catch.hpp>
#include <algorithm>
#include <fstream>
#include <sstream>

using namespace clausier;


TEST_CASE("Bundled files are the repository's bytes", "[bundle]") {
    const std::vector<std::string> paths = bundle_list("");
    REQUIRE(paths.size() > 5);
    for (const char* path : {"data/cpv/cpv_fr.tsv", "data/legal/thresholds.json", "clauses/families.json"}) {
        INFO(path);
        CHECK(std::find(paths.begin(), paths.end(), path) != paths.end());
        const std::string_view content = bundle_file(path);
        CHECK(content == test_files::read(test_files::source(path)));
        CHECK(bundle_file(path).data() == content.data());   // a view of the program's data, never a copy
    }
    CHECK(bundle_file("data/legal/absent.json").empty());
    CHECK(std::is_sorted(paths.begin(), paths.end()));
}

TEST_CASE("Files added at run time are listed and read", "[bundle]") {
    bundle_put("bench/zz-added.json", "{\"a\": 1}");
    CHECK(bundle_file("bench/zz-added.json") == "{\"a\": 1}");
    const std::vector<std::string> listed = bundle_list("bench/");
    REQUIRE(listed.size() == 1);
    CHECK(listed[0] == "bench/zz-added.json");
    CHECK(bundle_list("data/cpv/").size() == 1);
}
