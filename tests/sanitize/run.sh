#!/usr/bin/env bash
# The native unit tests under AddressSanitizer and UndefinedBehaviorSanitizer, built in build/fuzz (the same
# instrumented build as the fuzz targets, see tests/fuzz/configure.sh). Any memory error, leak or undefined
# behaviour stops the run with a non-zero exit.
# Usage: tests/sanitize/run.sh [CATCH2 ARGS...]      (e.g. "[hostile]" to run one tag)
set -euo pipefail
cd "$(dirname "$0")/../.."
tests/fuzz/configure.sh
cmake --build build/fuzz -j2 --target clausier_tests
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export CLAUSIER_TODAY=${CLAUSIER_TODAY:-2026-11-22}
build/fuzz/clausier_tests "$@"
