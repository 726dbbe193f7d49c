// One libFuzzer program per target of targets.h: this file is compiled once and each program links it with a
// one-line file that defines clausier_fuzz_target_name (see CMakeLists.txt).
// A broken promise aborts, so that libFuzzer saves the input like any crash.
#include "targets.h"
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

extern "C" const char clausier_fuzz_target_name[];

namespace {

const clausier::fuzz::Target& target() {
    static const clausier::fuzz::Target* t = [] {
        for (const auto& candidate : clausier::fuzz::kTargets)
            if (std::strcmp(candidate.name, clausier_fuzz_target_name) == 0) return &candidate;
        std::fprintf(stderr, "unknown fuzz target %s\n", clausier_fuzz_target_name);
        std::abort();
    }();
    return *t;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // Data loaded once for the whole run: load it before the first input so it is not counted against it.
    clausier::bundled_library();
    clausier::cpv_codes();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string problem = target().run(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz %s: %s\n", target().name, problem.c_str());
        std::abort();
    }
    return 0;
}
