#!/usr/bin/env bash
# The CLI contract (../shared/CLI.md), checked on the real binary: exit codes, JSON shapes, messages.
set -u
bin="$1"
pass=0; fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
expect_exit() {   # expect_exit CODE -- command...
  local want=$1; shift 2
  "$@" >/tmp/clausier-cli.out 2>/tmp/clausier-cli.err
  local got=$?
  [ "$got" = "$want" ] && ok || bad "exit $got (wanted $want): $*"
}
json_get() { python3 -c "import json,sys; d=json.load(open('/tmp/clausier-cli.out')); print($1)"; }

expect_exit 0 -- "$bin" procedure --buyer collectivite --nature services --amount 250000 --date 2026-11-22 --json
[ "$(json_get 'd["procedure"]')" = "formalisee" ] && ok || bad "250 000 services collectivite should be formalisee"
[ "$(json_get 'd["publicity"]')" = "joue" ] && ok || bad "publicity joue"
[ "$(json_get 'd["eu_threshold"]')" = "216000" ] && ok || bad "eu threshold 216000"
[ "$(json_get 'sorted(d.keys())')" = "['articles', 'dispense_threshold', 'electronic', 'eu_threshold', 'explanation', 'procedure', 'publicity']" ] && ok || bad "procedure keys"

expect_exit 0 -- "$bin" procedure --buyer etat --nature fournitures --amount 59999 --date 2026-11-22 --json
[ "$(json_get 'd["procedure"]')" = "sans-publicite" ] && ok || bad "59 999 below dispense"
expect_exit 0 -- "$bin" procedure --buyer etat --nature fournitures --amount 59999 --date 2026-03-31 --json
[ "$(json_get 'd["procedure"]')" = "adaptee" ] && ok || bad "59 999 on 2026-03-31 is above the old 40 000 dispense"

# --amount and --date read what a French user types, with the core's parsers (issue 11).
expect_exit 0 -- "$bin" procedure --buyer etat --nature fournitures --amount "59 999,50" --date 2026-11-22 --json
[ "$(json_get 'd["procedure"]')" = "sans-publicite" ] && ok || bad "« 59 999,50 » is below the 60 000 dispense"
expect_exit 0 -- "$bin" procedure --buyer etat --nature fournitures --amount $'1\u202f234\u202f567,89\u00a0€ HT' --date 15/01/2027 --json
[ "$(json_get 'd["procedure"]')" = "formalisee" ] && ok || bad "« 1 234 567,89 € HT » with no-break spaces is formalisee"
expect_exit 2 -- "$bin" procedure --buyer etat --nature fournitures --amount "1,234,567" --json
grep -q "ambigu" /tmp/clausier-cli.err && ok || bad "« 1,234,567 » refused as ambiguous"
[ ! -s /tmp/clausier-cli.out ] && ok || bad "nothing on stdout for a refused amount"
expect_exit 2 -- "$bin" procedure --buyer etat --nature fournitures --amount "-5" --json
grep -q "négatif" /tmp/clausier-cli.err && ok || bad "a negative amount is refused"
expect_exit 2 -- "$bin" procedure --buyer etat --nature fournitures --amount 1000 --date 31/02/2027 --json
grep -q "28 jours" /tmp/clausier-cli.err && ok || bad "31/02/2027 refused, naming the month's days"

expect_exit 2 -- "$bin" procedure --buyer mairie --nature services --amount 1
expect_exit 2 -- "$bin" procedure --buyer etat --nature services
expect_exit 2 -- "$bin" frobnicate
expect_exit 2 -- "$bin" procedure --buyer etat --nature services --amount 10 --bogus
[ -s /tmp/clausier-cli.err ] && ok || bad "usage errors print a sentence"

expect_exit 0 -- "$bin" library check
expect_exit 0 -- "$bin" library stats --json
[ "$(json_get 'sorted(d.keys())')" = "['by_document', 'by_family', 'by_kind', 'by_level', 'by_pillar', 'clauses']" ] && ok || bad "stats keys"
expect_exit 0 -- "$bin" library list --json
json_get 'all(set(c)>= {"id","version","title","pillar","kind","level","families","natures","documents","articles","text","explanation"} for c in d["clauses"])' | grep -q True && ok || bad "list fields"
json_get 'all("{{" not in c["text"] for c in d["clauses"])' | grep -q True && ok || bad "list renders variables"
json_get 'all(len(c["citations"]) == len(c["articles"]) and not any(x.startswith(("AGEC-", "RGPD-", "D-20", "REEN-")) for x in c["citations"]) for c in d["clauses"])' | grep -q True && ok || bad "list cites articles as real citations"

tmp=$(mktemp -d)
printf '{"format":"clausier-projet",' > "$tmp/truncated.json"
expect_exit 1 -- "$bin" check "$tmp/truncated.json" --json
grep -q "JSON" /tmp/clausier-cli.err && ok || bad "truncated file message"
[ ! -s /tmp/clausier-cli.out ] && ok || bad "nothing on stdout on error"
echo '{"format":"autre-chose","schema_version":1}' > "$tmp/foreign.json"
expect_exit 1 -- "$bin" check "$tmp/foreign.json" --json
expect_exit 1 -- "$bin" check "$tmp/missing.json" --json

expect_exit 0 -- "$bin" scenario list
while IFS=$'\t' read -r name title; do
  [ -n "$title" ] && ok || bad "scenario $name has a title"
  expect_exit 0 -- "$bin" scenario show "$name"
  cp /tmp/clausier-cli.out "$tmp/$name.json"
  expect_exit 0 -- "$bin" check "$tmp/$name.json" --json
  json_get '"findings" in d' | grep -q True && ok || bad "check json for $name"
  expect_exit 0 -- "$bin" recommend "$tmp/$name.json" --json
  json_get 'len(d["clauses"])>0 and all(isinstance(c["score"],float) or isinstance(c["score"],int) for c in d["clauses"])' | grep -q True && ok || bad "recommend json for $name"
  for fmt in html md json; do
    expect_exit 0 -- "$bin" export "$tmp/$name.json" --format $fmt -o "$tmp/$name.$fmt"
    [ -s "$tmp/$name.$fmt" ] && ok || bad "export $fmt for $name"
  done
done < <("$bin" scenario list)
expect_exit 1 -- "$bin" scenario show nope

rm -rf "$tmp"
echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
