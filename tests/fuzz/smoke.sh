#!/usr/bin/env bash
# A short fuzzing pass for the test suite: every fuzz target for a few seconds (scripts/fuzz), under two
# minutes in all on two cores once build/fuzz is built. Fails on any crash, whose input is then saved in
# tests/fuzz/regressions/<target>/ for the ordinary tests to replay.
# Usage: tests/fuzz/smoke.sh [SECONDS_PER_TARGET]      (default 10)
set -u
cd "$(dirname "$0")/../.."
exec scripts/fuzz "${1:-10}"
