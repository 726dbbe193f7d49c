// Replays every seed of the fuzz corpus (tests/fuzz/corpus/<target>/) and every input that once crashed a
// fuzz target (tests/fuzz/regressions/<target>/) through the same entry points as the libFuzzer programs
// (tests/fuzz/targets.h), so the ordinary native and wasm test runs keep them fixed without libFuzzer.
#include "../fuzz/targets.h"
#include "test_files.h"
#include <catch2/catch.hpp>
#include <algorithm>
#include <dirent.h>
#include <fstream>
#include <sstream>

using namespace clausier;

namespace {

}  // namespace

TEST_CASE("Every fuzz seed and every saved crash replays cleanly", "[regressions]") {
    const std::string root = std::string(CLAUSIER_SOURCE_DIR) + "/tests/fuzz/";
    size_t seeds = 0;
    for (const fuzz::Target& t : fuzz::kTargets) {
        for (const char* folder : {"corpus/", "regressions/"}) {
            for (const std::string& name : test_files::names(root + folder + t.name)) {
                const std::string path = root + folder + t.name + "/" + name;
                INFO("fuzz target " << t.name << ", input " << path);
                CHECK(t.run(test_files::read(path)) == "");
                seeds += std::string(folder) == "corpus/";
            }
        }
    }
    CHECK(seeds >= 25);   // the seed corpora are in place (a missing folder would make this test vacuous)
}

TEST_CASE("The fuzz checks catch what they are meant to catch", "[regressions]") {
    CHECK(fuzz::html_problem("<p>ok &amp; fine</p>") == "");
    CHECK(fuzz::html_problem("<p><script>alert(1)</script></p>") != "");
    CHECK(fuzz::html_problem("<p><img src=x onerror=alert(1)></p>") != "");
    CHECK(fuzz::html_problem("<p>a & b</p>") != "");
    CHECK(fuzz::html_problem("<meta name=\"author\" content=\"on dit\"><p>x</p>") == "");
    CHECK(fuzz::markdown_problem("a \\<b\\> \\& c") == "");
    CHECK(fuzz::markdown_problem("a <b> c") != "");
    CHECK(fuzz::office_marker("<Relationship TargetMode=\"External\" Target=\"http://x\"/>") != "");
    CHECK(fuzz::package_problem("PK not a zip", Format::docx) != "");
    CHECK(fuzz::json_problem("{\"a\": 1}", "JSON") == "");
    CHECK(fuzz::json_problem("{\"a\": ", "JSON") != "");
}
