#!/usr/bin/env bash
# The CLI on hostile files (tests/hostile/ and big ones generated here): every invalid-* file makes `check` and
# `export` exit 1 with exactly one non-empty line on stderr and nothing on stdout; every valid-* file (markup
# and template injection included) checks and exports in every format with exit 0. Each run is bounded by
# `timeout 20`.
# Usage: tests/hostile/cli.sh CLAUSIER
set -u
if [[ $# -lt 1 ]]; then echo "usage: $0 CLAUSIER" >&2; exit 2; fi
CLI=$(realpath "$1")
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
ok() { passed=$((passed + 1)); }

# run NAME EXPECTED_EXIT CMD...: runs with a time bound, keeps stdout/stderr in $TMP/out, $TMP/err.
run() {
  local name=$1 expected=$2
  shift 2
  timeout 20 "$@" >"$TMP/out" 2>"$TMP/err"
  local rc=$?
  if [[ $rc -eq 124 ]]; then fail "$name: took more than 20 s"; return 1; fi
  if [[ $rc -ne $expected ]]; then fail "$name: exit $rc instead of $expected ($(head -c 300 "$TMP/err"))"; return 1; fi
  return 0
}

# An invalid project: exit 1, one non-empty stderr line, empty stdout, no file written.
expect_refused() {
  local file=$1 name
  name=$(basename "$file")
  rm -f "$TMP/export.out"
  for cmd in "check --json" "export --format html -o $TMP/export.out" "export --format docx -o $TMP/export.out"; do
    # shellcheck disable=SC2086
    run "$name: $cmd" 1 "$CLI" ${cmd%% *} "$file" ${cmd#* } || continue
    local lines
    lines=$(wc -l <"$TMP/err")
    if [[ $lines -ne 1 || ! -s "$TMP/err" || -z "$(tr -d '[:space:]' <"$TMP/err")" ]]; then
      fail "$name: $cmd: stderr should be one sentence, got $lines line(s)"
    elif [[ -s "$TMP/out" ]]; then
      fail "$name: $cmd: stdout should be empty on error"
    elif [[ -e "$TMP/export.out" ]]; then
      fail "$name: $cmd: a file was written for a refused project"
    else
      ok
    fi
  done
}

# A valid project: check prints one JSON document, every export succeeds and writes a non-empty file.
expect_valid() {
  local file=$1 name
  name=$(basename "$file")
  if run "$name: check" 0 "$CLI" check "$file" --json; then
    if node -e 'JSON.parse(require("fs").readFileSync(0, "utf8"))' <"$TMP/out" 2>/dev/null; then ok; else fail "$name: check --json output is not JSON"; fi
  fi
  for fmt in html md docx odt json ocds; do
    for doc in dce entreprise synthese; do
      [[ ($fmt == json || $fmt == ocds) && $doc != dce ]] && continue
      if run "$name: export $fmt $doc" 0 "$CLI" export "$file" --format "$fmt" --document "$doc" -o "$TMP/x.$fmt"; then
        if [[ -s "$TMP/x.$fmt" && ! -s "$TMP/err" ]]; then ok; else fail "$name: export $fmt $doc wrote nothing or complained"; fi
      fi
    done
  done
  if grep -qi '<script' "$TMP/x.html"; then fail "$name: the HTML export contains <script"; else ok; fi
}

# ---- the committed corpus
for f in "$HERE"/invalid-*; do expect_refused "$f"; done
for f in "$HERE"/valid-*; do expect_valid "$f"; done

# ---- big and deep files, generated here rather than committed
head='{"format": "clausier-projet", "schema_version": 1, '
deep() { local n=$1; printf '%*s' "$n" '' | tr ' ' "$2"; printf '%*s' "$n" '' | tr ' ' "$3"; }
deep 100000 '[' ']' >"$TMP/invalid-deep-arrays.json"
{ printf '%s"futur": ' "$head"; deep 100000 '[' ']'; printf '}'; } >"$TMP/invalid-deep-in-project.json"
{ printf '%s"title": "' "$head"; head -c $((50 << 20)) /dev/zero | tr '\0' 'a'; printf '"}'; } >"$TMP/invalid-50mb.json"
head -c $((70 << 20)) /dev/zero >"$TMP/invalid-70mb-zeros.json"
{ printf '%s"lots": [{}' "$head"; for _ in $(seq 1000); do printf ',{}'; done; printf ']}'; } >"$TMP/invalid-1001-lots.json"
big=$(head -c $((1 << 20)) /dev/zero | tr '\0' 'x')
printf '%s"title": "<script>%s", "need": {"description": "]]>&%s"}, "specifications": [{"title": "{{x}}", "text": "%s"}]}' \
  "$head" "$big" "$big" "$big" >"$TMP/valid-1mb-strings.json"
for f in "$TMP"/invalid-*; do expect_refused "$f"; done
expect_valid "$TMP/valid-1mb-strings.json"

# ---- a clause library folder holding a hostile clause file: reported, exit 1, one line on stderr
mkdir -p "$TMP/lib"
cp "$ROOT/clauses/families.json" "$ROOT/clauses/articles.json" "$TMP/lib/"
deep 100000 '[' ']' >"$TMP/lib/profond.json"
printf '{"schema_version": 1, "family": "nettoyage", "clauses": [{"id": "NET-E-901", "kind": "critere", "criterion": {"weight_min": "dix"}}]}' >"$TMP/lib/types.json"
printf '{"schema_version": 1, "family": "caf\xe9"}' >"$TMP/lib/latin1.json"
if run "library check (hostile folder)" 1 "$CLI" library check "$TMP/lib"; then
  if [[ $(wc -l <"$TMP/err") -eq 1 ]] && grep -q 'profond.json' "$TMP/out" && grep -q 'latin1.json' "$TMP/out"; then ok
  else fail "library check: every hostile file should be listed and stderr be one sentence"; fi
fi

echo "hostile CLI: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
