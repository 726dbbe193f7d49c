#!/usr/bin/env bash
# End-to-end export tests: every project (the sample, a hostile project and every workshop scenario) is
# exported through the CLI in every format and document kind, then read back by real consumers:
#   - LibreOffice converts every DOCX and ODT to PDF (one soffice run for all files) and pdftotext must find
#     every heading, every chosen clause title and every criterion weight;
#   - pandoc reads every DOCX and ODT back with the same headings (plain text, then levels and order from
#     its AST) and the same clause titles and weights;
#   - the OCDS packages pass the OCDS 1.1.5 release-package schema (ajv, draft 4);
#   - the DECP records of an awarded project pass the DECP 2.0.3 schema (ajv, draft-07), and a project without
#     an award is refused with one French sentence; the « Bilan d'exécution » is read back like the others;
#   - HTML pages are standalone (no script, no external resource, ordered headings, <th scope="col">);
#   - the JSON export is canonical (exporting it again gives the same bytes);
#   - the same project exported twice gives the same bytes;
#   - the sample's Markdown and HTML match the golden files in golden/ (regenerate them with --update);
#   - the DCE of every scenario holds every section of docs/dce.md as a numbered article, in order, the CCAP's
#     derogations article last, and « Page n sur m » and the running header on every printed page (dce.mjs);
#   - no tool text (explanations, undecided alternatives, placeholders, code words) in any document of the
#     scenarios and the sample, in any format (tool-text.mjs);
#   - Chromium prints the HTML export to PDF with a page per document, the running header and page numbers,
#     no table header or amount cut across lines and the whole text, read back by pdftotext (print.mjs);
#   - text typed by a buyer (saisie.clausier.json) keeps its paragraphs and line breaks in every format, its
#     addresses whole (links in HTML only), no control character, amounts with their cents (typed-text.mjs).
#
# Usage: tests/export/run.sh CLAUSIER OUTDIR [--update]
set -u

if [[ $# -lt 2 ]]; then
  echo "usage: $0 CLAUSIER OUTDIR [--update]" >&2
  exit 2
fi
CLI=$(realpath "$1")
OUT=$(realpath -m "$2")
UPDATE=0
[[ "${3:-}" == "--update" ]] && UPDATE=1
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

passed=0
failed=0
fail() {
  failed=$((failed + 1))
  echo "ÉCHEC : $1"
  [[ -n "${2:-}" ]] && printf '%s\n' "$2" | head -20 | sed 's/^/    /'
  return 0
}
# check NAME COMMAND...: one test, passed when the command succeeds; its output is shown on failure.
check() {
  local name=$1 log
  shift
  if log=$("$@" 2>&1); then passed=$((passed + 1)); else fail "$name" "$log"; fi
}
# tally: counts the "ok<TAB>name" / "FAIL<TAB>name" lines of the node helpers, shows failures' details.
tally() {
  local line showing=0
  while IFS= read -r line; do
    case $line in
      ok$'\t'*) passed=$((passed + 1)); showing=0 ;;
      FAIL$'\t'*) failed=$((failed + 1)); showing=1; echo "ÉCHEC : ${line#FAIL$'\t'}" ;;
      *) ((showing)) && echo "$line" ;;
    esac
  done
}
have() { command -v "$1" >/dev/null 2>&1; }
or_dash() { if [[ -s "$1" ]]; then echo "$1"; else echo -; fi; }   # a file a reader could not produce

rm -rf "$OUT"
mkdir -p "$OUT/files" "$OUT/pdf" "$OUT/text"

for tool in node pandoc soffice pdftotext; do
  have "$tool" || fail "outil introuvable : $tool"
done
if [[ ! -x "$CLI" ]]; then
  fail "CLI introuvable : $CLI"
  echo "$passed passed, $failed failed"
  exit 1
fi

projects=("$HERE/sample.clausier.json" "$HERE/hostile.clausier.json" "$HERE/saisie.clausier.json")
for f in "$ROOT"/scenarios/*.json; do
  [[ -e "$f" ]] && projects+=("$f")
done

check "liste de la bibliothèque" bash -c "'$CLI' library list --json > '$OUT/library.json'"

kinds=(dce entreprise synthese)
formats=(html md docx odt json ocds)
office=()
ocds=()

# The file written for a project name, a document kind and a format.
out_file() {
  case $3 in
    json) echo "$OUT/files/$1-$2-projet.json" ;;
    ocds) echo "$OUT/files/$1-$2-ocds.json" ;;
    *) echo "$OUT/files/$1-$2-$3.$3" ;;
  esac
}

for project in "${projects[@]}"; do
  name=$(basename "$project" .json)
  name=${name%.clausier}
  for kind in "${kinds[@]}"; do
    for format in "${formats[@]}"; do
      file=$(out_file "$name" "$kind" "$format")
      label="$name $kind $format"
      if ! log=$("$CLI" export "$project" --format "$format" --document "$kind" -o "$file" 2>&1) || [[ ! -s "$file" ]]; then
        fail "export $label" "$log"
        continue
      fi
      passed=$((passed + 1))
      "$CLI" export "$project" --format "$format" --document "$kind" -o "$file.again" >/dev/null 2>&1
      check "mêmes octets à chaque export : $label" cmp "$file" "$file.again"
      rm -f "$file.again"
      case $format in
        html) tally < <(node "$HERE/check.mjs" html "$file" "$project" "$OUT/library.json" "$kind" "$OUT/text/$name-$kind") ;;
        docx | odt) office+=("$file") ;;
        json | ocds)
          # The project and the OCDS package do not depend on the document kind: checked once.
          if [[ $kind == dce ]]; then
            if [[ $format == ocds ]]; then
              ocds+=("$file")
            else
              check "JSON canonique : $label" bash -c "'$CLI' export '$file' --format json -o '$file.canon' && cmp '$file' '$file.canon'"
              rm -f "$file.canon"
            fi
          else
            check "$format identique quel que soit le document : $label" cmp "$file" "$(out_file "$name" dce "$format")"
          fi
          ;;
      esac
    done
  done
done

((${#ocds[@]})) && tally < <(node "$HERE/validate-ocds.mjs" "${ocds[@]}")

# DECP (open data): a project whose award is recorded gives records valid against the regulatory schema
# (ajv, draft-07); any other project is refused with exit 1 and one French sentence naming what is missing.
# At least one bundled scenario (nettoyage-insertion) carries its award, so the schema check always runs.
decp=()
for project in "${projects[@]}"; do
  name=$(basename "$project" .json)
  name=${name%.clausier}
  file="$OUT/files/$name-decp.json"
  if "$CLI" export "$project" --format decp -o "$file" 2>"$file.err"; then
    decp+=("$file")
  else
    status=$?
    check "DECP refusé avant l'attribution, en une phrase : $name" \
      bash -c "[[ $status == 1 && \$(wc -l < '$file.err') == 1 && ! -e '$file' ]] && grep -q 'DECP' '$file.err'"
  fi
done
check "au moins un scénario porte une attribution exportable en DECP" test "${#decp[@]}" -ge 1
((${#decp[@]})) && tally < <(node "$HERE/validate-decp.mjs" "${decp[@]}")

# The « Bilan d'exécution » of the scenario with an award, in every document format, read back below.
for format in html docx odt; do
  file=$(out_file nettoyage-insertion execution "$format")
  if "$CLI" export "$ROOT/scenarios/nettoyage-insertion.clausier.json" --format "$format" --document execution -o "$file" 2>/dev/null; then
    passed=$((passed + 1))
    case $format in
      html) tally < <(node "$HERE/check.mjs" html "$file" "$ROOT/scenarios/nettoyage-insertion.clausier.json" "$OUT/library.json" execution "$OUT/text/nettoyage-insertion-execution") ;;
      *) office+=("$file") ;;
    esac
  else
    fail "export nettoyage-insertion execution $format"
  fi
done

# pandoc reads every DOCX and ODT back (plain text and AST).
for file in "${office[@]}"; do
  stem=$(basename "${file%.*}")
  format=${file##*.}
  pandoc -s -f "$format" -t plain "$file" -o "$OUT/text/$stem.pandoc.txt" 2>"$OUT/text/$stem.pandoc.err" ||
    fail "pandoc -t plain ne lit pas $stem.$format" "$(cat "$OUT/text/$stem.pandoc.err")"
  pandoc -f "$format" -t json "$file" -o "$OUT/text/$stem.pandoc.json" 2>"$OUT/text/$stem.pandoc.err" ||
    fail "pandoc ne lit pas $stem.$format" "$(cat "$OUT/text/$stem.pandoc.err")"
done

# LibreOffice converts a batch of files to PDF in one run (each start costs seconds), with a profile of its own.
# Usage: office_to_pdf LOG SECONDS FILE...
office_to_pdf() {
  local log=$1 seconds=$2 profile
  shift 2
  have soffice && (($#)) || return 0
  profile=$(mktemp -d /tmp/clausier-export-lo.XXXXXX)
  timeout "$seconds" soffice -env:UserInstallation="file://$profile" --headless --norestore --convert-to pdf \
    --outdir "$OUT/pdf" "$@" >"$log" 2>&1
  rm -rf "$profile"
}

# The office files in one batch, then pdftotext reads each PDF.
office_to_pdf "$OUT/soffice.log" 900 "${office[@]}"
for file in "${office[@]}"; do
  stem=$(basename "${file%.*}")
  pdf="$OUT/pdf/$stem.pdf"
  if [[ -s "$pdf" ]]; then
    passed=$((passed + 1))
    # -raw keeps the hyphen of a word cut at the end of a line (L.2113-13 stays whole once spaces go).
    pdftotext -raw -enc UTF-8 "$pdf" "$OUT/text/$stem.pdf.txt" 2>/dev/null || fail "pdftotext ne lit pas $stem.pdf"
  else
    fail "LibreOffice n'a pas converti $stem en PDF" "$(tail -5 "$OUT/soffice.log" 2>/dev/null)"
  fi
  tally < <(node "$HERE/check.mjs" office "$stem" "$OUT/files/${stem%-*}-html.html" "$OUT/text/${stem%-*}" \
    "$(or_dash "$OUT/text/$stem.pandoc.txt")" "$(or_dash "$OUT/text/$stem.pandoc.json")" "$(or_dash "$OUT/text/$stem.pdf.txt")")
done

# The consultation file of every scenario: every section of docs/dce.md as a numbered article, the CCAP's
# derogations article last, « Page n sur m » and the running header on every page (dce.mjs).
dce_stems=()
for f in "$ROOT"/scenarios/*.json; do
  name=$(basename "$f" .json)
  dce_stems+=("${name%.clausier}-dce-docx" "${name%.clausier}-dce-odt")
done
((${#dce_stems[@]})) && tally < <(node "$HERE/dce.mjs" "$OUT/text" "${dce_stems[@]}")

# No tool text (tool-text.mjs): every document of the workshop scenarios and the sample, as the HTML and
# Markdown files say it and as pandoc reads the DOCX and ODT back. (The hostile and typed-text projects hold
# what a user typed, which may say anything.)
scan=()
for project in "$HERE/sample.clausier.json" "$ROOT"/scenarios/*.json; do
  name=$(basename "$project" .json)
  name=${name%.clausier}
  for kind in "${kinds[@]}"; do
    scan+=("$(out_file "$name" "$kind" html)" "$(out_file "$name" "$kind" md)")
    for format in docx odt; do
      [[ -s "$OUT/text/$name-$kind-$format.pandoc.txt" ]] && scan+=("$OUT/text/$name-$kind-$format.pandoc.txt")
    done
  done
done
tally < <(node "$HERE/tool-text.mjs" "${scan[@]}")

# The HTML export is the print-ready form (print.mjs): Chromium prints the DCE of every scenario and the
# sample's other documents to PDF, pdftotext reads them back: a page per document, the running header and page
# numbers on every page, no table header or amount cut across lines, the whole text.
printed=()
for f in "$ROOT"/scenarios/*.json; do
  name=$(basename "$f" .json)
  printed+=("$(out_file "${name%.clausier}" dce html)")
done
printed+=("$(out_file sample entreprise html)" "$(out_file sample synthese html)")
if [[ -x /usr/bin/chromium ]]; then
  tally < <(node "$HERE/print.mjs" "$OUT/pdf" "${printed[@]}" 2>&1)
else
  fail "Chromium introuvable (/usr/bin/chromium) : l'impression en PDF n'est pas vérifiée"
fi

# Text typed by a buyer (saisie.clausier.json): line breaks, paragraphs, addresses, control characters and
# decomposed accents as pandoc reads every format back and as LibreOffice prints the office files.
tally < <(node "$HERE/typed-text.mjs" "$OUT/files" "$OUT/text" saisie-dce)

# The DECP report « Indicateurs des données essentielles » (docs/cli.md), from two fixtures, in every document
# format: LibreOffice converts the DOCX and ODT to PDF and pdftotext finds its title and sections, pandoc reads
# them back, the HTML page carries its SVG charts and no script; the renewals export as CSV and HTML.
decp_fx=("$ROOT/tests/fixtures/decp/v2_regulatory.json" "$ROOT/tests/fixtures/decp/absurd_amounts.json")
decp_office=()
decp_sections=("Indicateurs des données essentielles" "Objectifs nationaux" "Par année de notification" "Par famille d’achat"
  "Par procédure" "Considérations non renseignées" "Concurrence, avances et sous-traitance" "Marchés à renouveler"
  "Qualité des données" "Méthode")
for format in html docx odt md; do
  file="$OUT/files/decp-indicateurs-$format.$format"
  if log=$("$CLI" decp report "${decp_fx[@]}" --today 2026-11-22 --format "$format" --out "$file" 2>&1) && [[ -s $file ]]; then
    passed=$((passed + 1))
    [[ $format == docx || $format == odt ]] && decp_office+=("$file")
  else
    fail "decp report --format $format" "$log"
  fi
done
html="$OUT/files/decp-indicateurs-html.html"
check "rapport DECP HTML : graphiques SVG, aucun script" bash -c "[[ \$(grep -c '<svg ' '$html') -ge 7 ]] && ! grep -qi '<script' '$html'"
office_to_pdf "$OUT/soffice-decp.log" 300 "${decp_office[@]}"
for file in "${decp_office[@]}"; do
  stem=$(basename "$file")
  pdf="$OUT/pdf/${stem%.*}.pdf"
  if [[ -s $pdf ]] && pdftotext -raw -enc UTF-8 "$pdf" "$OUT/text/$stem.pdf.txt" 2>/dev/null; then
    passed=$((passed + 1))
    for section in "${decp_sections[@]}"; do
      check "LibreOffice : « $section » dans $stem" grep -qF "$section" "$OUT/text/$stem.pdf.txt"
    done
  else
    fail "LibreOffice n'a pas converti $stem en PDF" "$(tail -5 "$OUT/soffice-decp.log" 2>/dev/null)"
  fi
  check "pandoc lit $stem" bash -c "pandoc -f '${file##*.}' -t plain '$file' | grep -qF 'Par famille d’achat'"
done
# Charts in DOCX are native DrawingML charts (word/charts/chartN.xml): LibreOffice converts the report's DOCX to
# ODT, where each chart must come back as a chart object (draw:object with its own chart:chart), and the first
# chart's bar values must read back as the DOCX wrote them.
docx="$OUT/files/decp-indicateurs-docx.docx"
if have soffice && [[ -s $docx ]]; then
  profile=$(mktemp -d /tmp/clausier-export-lo.XXXXXX)
  mkdir -p "$OUT/odt-from-docx"
  timeout 300 soffice -env:UserInstallation="file://$profile" --headless --norestore --convert-to odt \
    --outdir "$OUT/odt-from-docx" "$docx" >"$OUT/soffice-docx-chart.log" 2>&1
  rm -rf "$profile"
  odt="$OUT/odt-from-docx/decp-indicateurs-docx.odt"
  charts=$(unzip -l "$docx" | grep -c 'word/charts/chart[0-9]*\.xml')
  check "DOCX : un graphique natif par graphique du rapport (≥ 7)" bash -c "[[ $charts -ge 7 ]]"
  check "LibreOffice lit chaque graphique du DOCX comme un objet graphique" bash -c \
    "[[ -s '$odt' ]] && [[ \$(unzip -p '$odt' content.xml | grep -o '<draw:object ' | wc -l) -eq $charts ]]"
  check "LibreOffice relit les valeurs du premier graphique" bash -c \
    "want=\$(unzip -p '$docx' word/charts/chart1.xml | grep -o '<c:numCache>.*</c:numCache>' | grep -o '<c:v>[^<]*' | sed 's/<c:v>//' | awk '{printf \"%g\\n\", \$1}');
     obj=\$(unzip -p '$odt' content.xml | grep -o 'xlink:href=\"[^\"]*\"' | head -1 | sed 's/xlink:href=\"\\.\\///; s/\"//');
     got=\$(unzip -p '$odt' \"\$obj/content.xml\" | grep -o 'office:value=\"[^\"]*\"' | sed 's/office:value=\"//; s/\"//' | awk '{printf \"%g\\n\", \$1}');
     [[ -n \$want ]] || exit 1; for v in \$want; do grep -qxF \"\$v\" <<< \"\$got\" || { echo \"DOCX : \"\$want\" / ODT : \"\$got; exit 1; }; done"
fi
csv="$OUT/files/decp-echeances-35.csv"
check "decp renewals --csv" "$CLI" decp renewals "${decp_fx[@]}" --today 2026-11-22 --departement 35 --csv --out "$csv"
check "échéances CSV : un en-tête et deux marchés" bash -c "[[ \$(wc -l < '$csv') -eq 3 ]] && grep -q ';480000,00;' '$csv'"
check "decp renewals --html" "$CLI" decp renewals "${decp_fx[@]}" --today 2026-11-22 --html --out "$OUT/files/decp-echeances.html"
check "échéances HTML sans script" bash -c "grep -q '<table>' '$OUT/files/decp-echeances.html' && ! grep -qi '<script' '$OUT/files/decp-echeances.html'"

# Golden files: the sample's Markdown and HTML, byte for byte.
mkdir -p "$HERE/golden"
for kind in "${kinds[@]}"; do
  for format in md html; do
    produced=$(out_file sample "$kind" "$format")
    golden="$HERE/golden/sample-$kind.$format"
    if ((UPDATE)) && [[ -s "$produced" ]]; then
      cp "$produced" "$golden" && echo "mis à jour : ${golden#"$ROOT"/}"
    fi
    if [[ ! -f "$golden" ]]; then
      fail "fichier de référence absent : ${golden#"$ROOT"/} (lancez avec --update)"
    else
      check "conforme au fichier de référence : sample $kind $format" diff -u "$golden" "$produced"
    fi
  done
done

echo "$passed passed, $failed failed"
((failed == 0))
