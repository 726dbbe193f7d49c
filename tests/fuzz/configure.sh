#!/usr/bin/env bash
# Configures build/fuzz once: clang 14, the core and the unit tests instrumented with AddressSanitizer and
# UndefinedBehaviorSanitizer, plus the libFuzzer targets. Shared by scripts/fuzz and tests/sanitize/run.sh so
# that the test suite builds a single instrumented copy of the code. -O1 and line tables only (enough for symbolised stack traces) keep the build short on two cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -f build/fuzz/CMakeCache.txt ]; then
  cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
        -DCLAUSIER_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
fi
