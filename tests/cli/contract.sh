#!/usr/bin/env bash
# The CLI contract (../shared/CLI.md), checked on the real binary: exit codes, JSON shapes, messages.
set -u
bin="$1"
pass=0; fail=0
# Every file of the run in a folder of its own: two clones tested at once on one machine share /tmp.
tmp=$(mktemp -d)
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
expect_exit() {   # expect_exit CODE -- command...
  local want=$1; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" = "$want" ] && ok || bad "exit $got (wanted $want): $*"
}
json_get() { python3 -c "import json,sys; d=json.load(open('$tmp/out')); print($1)"; }

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
grep -q "ambigu" "$tmp/err" && ok || bad "« 1,234,567 » refused as ambiguous"
[ ! -s "$tmp/out" ] && ok || bad "nothing on stdout for a refused amount"
expect_exit 2 -- "$bin" procedure --buyer etat --nature fournitures --amount "-5" --json
grep -q "négatif" "$tmp/err" && ok || bad "a negative amount is refused"
expect_exit 2 -- "$bin" procedure --buyer etat --nature fournitures --amount 1000 --date 31/02/2027 --json
grep -q "28 jours" "$tmp/err" && ok || bad "31/02/2027 refused, naming the month's days"

expect_exit 2 -- "$bin" procedure --buyer mairie --nature services --amount 1
expect_exit 2 -- "$bin" procedure --buyer etat --nature services
expect_exit 2 -- "$bin" frobnicate
expect_exit 2 -- "$bin" procedure --buyer etat --nature services --amount 10 --bogus
[ -s "$tmp/err" ] && ok || bad "usage errors print a sentence"

expect_exit 0 -- "$bin" library check
expect_exit 0 -- "$bin" library stats --json
[ "$(json_get 'sorted(d.keys())')" = "['by_document', 'by_family', 'by_kind', 'by_level', 'by_pillar', 'clauses']" ] && ok || bad "stats keys"
expect_exit 0 -- "$bin" library list --json
json_get 'all(set(c)>= {"id","version","title","pillar","kind","level","families","natures","documents","articles","text","explanation"} for c in d["clauses"])' | grep -q True && ok || bad "list fields"
json_get 'all("{{" not in c["text"] for c in d["clauses"])' | grep -q True && ok || bad "list renders variables"
json_get 'all(len(c["citations"]) == len(c["articles"]) and not any(x.startswith(("AGEC-", "RGPD-", "D-20", "REEN-")) for x in c["citations"]) for c in d["clauses"])' | grep -q True && ok || bad "list cites articles as real citations"

printf '{"format":"clausier-projet",' > "$tmp/truncated.json"
expect_exit 1 -- "$bin" check "$tmp/truncated.json" --json
grep -q "JSON" "$tmp/err" && ok || bad "truncated file message"
[ ! -s "$tmp/out" ] && ok || bad "nothing on stdout on error"
echo '{"format":"autre-chose","schema_version":1}' > "$tmp/foreign.json"
expect_exit 1 -- "$bin" check "$tmp/foreign.json" --json
expect_exit 1 -- "$bin" check "$tmp/missing.json" --json

expect_exit 0 -- "$bin" scenario list
while IFS=$'\t' read -r name title; do
  [ -n "$title" ] && ok || bad "scenario $name has a title"
  expect_exit 0 -- "$bin" scenario show "$name"
  cp "$tmp/out" "$tmp/$name.json"
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

# decp stats: published essential data (DECP), read as published; exit 1 only when no file is DECP at all.
fx=tests/fixtures/decp
node -e 'const Ajv=require("ajv"); const v=new Ajv({strict:false}).compile(require(process.argv[1])); process.exit(v(require(process.argv[2]))?0:1)' \
  "$PWD/$fx/schema/schema_decp_v2.0.3.json" "$PWD/$fx/v2_regulatory.json" && ok || bad "the regulatory fixture is valid against schema v2.0.3"
expect_exit 0 -- "$bin" decp stats "$fx/v2_regulatory.json" --today 2026-11-22 --json
json_get 'set(d) >= {"records","contracts","problems","value","environmental","social","blank_considerations","by_year","renewals"}' | grep -q True && ok || bad "decp stats keys"
[ "$(json_get '(d["records"], d["contracts"], d["value"])')" = "(4, 3, 725000)" ] && ok || bad "decp records, contracts, value"
json_get 'all(set(d[k]) >= {"contracts","value","share_contracts","share_value"} for k in ("environmental","social"))' | grep -q True && ok || bad "decp consideration keys"
[ "$(json_get '(d["social"]["contracts"], d["environmental"]["share_contracts"])')" = "(2, 0.333)" ] && ok || bad "decp shares"
json_get 'all(set(y) >= {"contracts","value","environmental","social"} for y in d["by_year"].values()) and sorted(d["by_year"]) == ["2024","2025"]' | grep -q True && ok || bad "decp by_year"
[ "$(json_get '[(r["id"], r["end_date"]) for r in d["renewals"]]')" = "[('2025-001', '2027-03-01'), ('2024-017', '2027-09-01')]" ] && ok || bad "decp renewals soonest first"
json_get 'all(set(r) >= {"id","buyer","object","cpv","end_date","value"} for r in d["renewals"])' | grep -q True && ok || bad "decp renewal keys"
json_get 'all(isinstance(p[k], str) for p in d["problems"] for k in ("id","field","message"))' | grep -q True && ok || bad "decp problem keys"
expect_exit 0 -- "$bin" decp stats "$fx/v2_regulatory.json" "$fx/v1_legacy.json" "$fx/truncated_and_broken.json" "$fx/absurd_amounts.json" --today 2026-11-22 --json
[ "$(json_get 'd["records"]')" = "20" ] && ok || bad "decp several files"
json_get 'any(p["field"] == "montant" and "sommes" in p["message"] for p in d["problems"])' | grep -q True && ok || bad "decp French reason for an implausible amount"
expect_exit 0 -- "$bin" decp stats "$fx/duplicates.json" --buyer 21440000000012 --today 2026-11-22 --json
[ "$(json_get 'd["contracts"]')" = "1" ] && ok || bad "decp --buyer"
expect_exit 0 -- "$bin" decp stats "$fx/dates.json" --from 2025-01-01 --to 2025-12-31 --today 2026-11-22 --json
[ "$(json_get 'd["contracts"]')" = "3" ] && ok || bad "decp --from --to"
expect_exit 0 -- "$bin" decp stats "$fx/places.json" --departement 2a --today 2026-11-22 --json
[ "$(json_get 'd["contracts"]')" = "1" ] && ok || bad "decp --departement"
expect_exit 0 -- "$bin" decp stats "$fx/v2_regulatory.json" "$tmp/missing.json" --json
json_get '[f["read"] for f in d["files"]] == [True, False]' | grep -q True && ok || bad "decp a missing file beside a good one"
expect_exit 0 -- "$bin" decp stats "$fx/v2_regulatory.json"
grep -q "marchés" "$tmp/out" && ok || bad "decp text output"
for unreadable in "$tmp/missing.json" "$tmp/foreign.json" "$tmp/truncated.json"; do
  expect_exit 1 -- "$bin" decp stats "$unreadable" --json
  [ ! -s "$tmp/out" ] && [ -s "$tmp/err" ] && ok || bad "decp unreadable file: sentence on stderr only"
done
expect_exit 1 -- "$bin" decp stats "$tmp/missing.json" "$tmp/foreign.json" --json
expect_exit 2 -- "$bin" decp stats --json
expect_exit 2 -- "$bin" decp "$fx/v2_regulatory.json" --json
expect_exit 2 -- "$bin" decp stats "$fx/v2_regulatory.json" --bogus
expect_exit 2 -- "$bin" decp stats "$fx/v2_regulatory.json" --from 15/01/2027
expect_exit 2 -- "$bin" decp stats "$fx/v2_regulatory.json" --from 2026-01-01 --to 2025-01-01
expect_exit 2 -- "$bin" decp stats "$fx/v2_regulatory.json" --buyer 1234
# decp report and decp renewals (docs/cli.md): same files and filters.
expect_exit 0 -- "$bin" decp report "$fx/v2_regulatory.json" --today 2026-11-22 --format html --out "$tmp/decp-report.html"
grep -q "<svg " "$tmp/decp-report.html" && grep -q "Par famille d’achat" "$tmp/decp-report.html" && ok || bad "decp report html"
expect_exit 2 -- "$bin" decp report "$fx/v2_regulatory.json" --format json --out "$tmp/x.json"
expect_exit 2 -- "$bin" decp report "$fx/v2_regulatory.json" --format docx
expect_exit 1 -- "$bin" decp report "$tmp/missing.json" --format docx --out "$tmp/x.docx"
expect_exit 0 -- "$bin" decp renewals "$fx/v2_regulatory.json" --today 2026-11-22 --json
[ "$(json_get '[r["id"] for r in d]')" = "['2025-001', '2024-017']" ] && ok || bad "decp renewals --json"
expect_exit 0 -- "$bin" decp renewals "$fx/v2_regulatory.json" "$fx/places.json" --today 2026-11-22 --departement 35 --csv
[ "$(grep -c ';' "$tmp/out")" = "3" ] && ok || bad "decp renewals --csv: a header and two contracts"
expect_exit 0 -- "$bin" decp renewals "$fx/v2_regulatory.json" --today 2026-11-22
grep -q "Nettoyage des locaux administratifs" "$tmp/out" && ok || bad "decp renewals text"
expect_exit 2 -- "$bin" decp renewals "$fx/v2_regulatory.json" --csv --json
expect_exit 2 -- "$bin" decp stats "$fx/v2_regulatory.json" --csv
expect_exit 2 -- "$bin" decp stats "$fx/v2_regulatory.json" --today
[ -s "$tmp/err" ] && ok || bad "decp usage errors print a sentence"

# portfolio --document bilan-spaser --decp: the buyer's own published records (the SPASER's SIRET, the report's
# year) beside the projects' figures; the other buyer's and the other year's records left out.
printf '{"buyer": "Ville de Toulouse", "siret": "213 105 554 00017", "axes": []}' > "$tmp/ville.spaser.json"
plain() { python3 -c "import re,sys,html; t=html.unescape(re.sub(r'<[^>]+>', ' ', open(sys.argv[1]).read())); print(re.sub(r'[\s\u202f\u00a0]+', ' ', t))" "$1"; }
expect_exit 0 -- "$bin" portfolio scenarios/nettoyage-insertion.clausier.json --year 2025 --document bilan-spaser \
  --spaser "$tmp/ville.spaser.json" --decp "$fx/spaser_buyer.json" --format html -o "$tmp/bilan.html"
bilan=$(plain "$tmp/bilan.html")
case "$bilan" in *"données essentielles publiées 2 sur 3 (66,7 %) 66,7 % 150 000 € HT 100 %"*) ok ;; *) bad "bilan-spaser --decp: the buyer's 2025 environmental figures" ;; esac
case "$bilan" in *"données essentielles publiées 1 sur 3 (33,3 %)"*) ok ;; *) bad "bilan-spaser --decp: the social figures" ;; esac
case "$bilan" in *"900 000"*|*"300 000"*) bad "bilan-spaser --decp counts another buyer or another year" ;; *) ok ;; esac
expect_exit 0 -- "$bin" portfolio scenarios/nettoyage-insertion.clausier.json --year 2025 --document bilan-spaser \
  --spaser "$tmp/ville.spaser.json" --format odt -o "$tmp/bilan.odt"
unzip -p "$tmp/bilan.odt" content.xml | grep -q "ne sont pas utilisées dans ce bilan.*aucun fichier de données essentielles" && ok || bad "bilan-spaser without --decp says why"
expect_exit 2 -- "$bin" portfolio scenarios/nettoyage-insertion.clausier.json --decp "$fx/spaser_buyer.json" --json
expect_exit 1 -- "$bin" portfolio scenarios/nettoyage-insertion.clausier.json --document bilan-spaser --decp "$tmp/missing.json" --format html -o "$tmp/x.html"
[ -s "$tmp/err" ] && ok || bad "bilan-spaser with an unreadable --decp file says so"

# check --spaser: the project measured against the buyer's SPASER (rules spaser-cible-*), the finding's action.
python3 - "$tmp/cible.spaser.json" <<'PY'
import json, sys
target = lambda ind, t: {"indicator": ind, "unit": "marches", "target": t, "deadline": "2027-12-31"}
json.dump({"buyer": "Ville", "adopted": "2027-02-12", "axes": [{"title": "Achats responsables",
           "targets": [target("environnemental", 100), target("reserve", 10)], "actions": []}]}, open(sys.argv[1], "w"))
PY
expect_exit 0 -- "$bin" check scenarios/nettoyage-insertion.clausier.json --spaser "$tmp/cible.spaser.json" --json
[ "$(json_get '[f["rule"] for f in d["findings"] if f["rule"].startswith("spaser-cible")]')" = "['spaser-cible-manquee', 'spaser-cible-servie']" ] \
  && ok || bad "check --spaser: the reserved target missed, the environmental one served"
[ "$(json_get '[f.get("action") for f in d["findings"] if f["rule"] == "spaser-cible-manquee"]')" = "['ouvrir-spaser']" ] \
  && ok || bad "check --spaser: the missed target offers to open the SPASER"
json_get '[f["message"] for f in d["findings"] if f["rule"] == "spaser-cible-manquee"][0]' | grep -q "objectif 1.2 du SPASER adopté le 12 février 2027.*aucun lot réservé" \
  && ok || bad "check --spaser: the message names the target and what the project lacks"
expect_exit 0 -- "$bin" check scenarios/nettoyage-insertion.clausier.json --json
[ "$(json_get '[f["rule"] for f in d["findings"] if f["rule"].startswith("spaser-cible")]')" = "[]" ] && ok || bad "check without --spaser: no target finding"
expect_exit 0 -- "$bin" check scenarios/spaser-agglomeration.clausier.json --json
[ "$(json_get '[f.get("action") for f in d["findings"] if f["rule"] == "spaser-obligatoire"]')" = "['demarrer-spaser']" ] \
  && ok || bad "check: spaser-obligatoire offers to start a SPASER"
expect_exit 0 -- "$bin" check scenarios/spaser-agglomeration.clausier.json --spaser "$tmp/cible.spaser.json"
grep -q "spaser-obligatoire\|SPASER) est obligatoire" "$tmp/out" && bad "an adopted --spaser silences spaser-obligatoire" || ok
printf '{"axes": 3}' > "$tmp/broken.spaser.json"
expect_exit 1 -- "$bin" check scenarios/nettoyage-insertion.clausier.json --spaser "$tmp/broken.spaser.json"
grep -q "axes" "$tmp/err" && ok || bad "check --spaser with a broken SPASER names its field"

rm -rf "$tmp"
echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
