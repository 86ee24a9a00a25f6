#!/usr/bin/env bash
# PDF and Word files, checked by their real consumers: poppler (pdfinfo, pdffonts, pdftotext,
# pdftoppm) for every PDF, LibreOffice (converts every .docx without error) and python-docx
# (heading styles, numbered items, the Danish language tag) for every Word file.
# Usage: tests/print/documents.sh [path/to/medtrio]   (PRINT_KEEP=DIR keeps the files and pages)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-target/debug/medtrio}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
export MEDTRIO_TODAY=2026-11-23

expect() { # what, actual, wanted
  if [ "$2" = "$3" ]; then echo "ok: $1 ($2)"; else echo "FAILED: $1: got $2, want $3"; fail=1; fi
}
contains() { # what, haystack file, needle (spaces and line breaks do not count)
  if tr -d ' \n' <"$2" | grep -qF -- "$(printf '%s' "$3" | tr -d ' ')"; then echo "ok: $1"; else echo "FAILED: $1: \"$3\" not found"; fail=1; fi
}

pdf() { # name, pages, medtrio args…
  local name=$1 pages=$2; shift 2
  "$bin" "$@" -o "$work/$name.pdf"
  # poppler warns about typst's tagged-PDF MarkInfo ("Suspects object is wrong type"): harmless.
  expect "$name.pdf: page size" "$(pdfinfo "$work/$name.pdf" 2>/dev/null | awk '/^Page size/ {print $3 "x" $5}')" "595.276x841.89"
  expect "$name.pdf: pages" "$(pdfinfo "$work/$name.pdf" 2>/dev/null | awk '/^Pages/ {print $2}')" "$pages"
  local unembedded
  unembedded=$(pdffonts "$work/$name.pdf" 2>/dev/null | awk 'NR > 2 && $(NF-4) != "yes"' | wc -l)
  expect "$name.pdf: fonts embedded" "$unembedded not embedded" "0 not embedded"
  pdftotext "$work/$name.pdf" "$work/$name.txt" 2>/dev/null
  pdftoppm -png -r 50 "$work/$name.pdf" "$work/$name" 2>/dev/null
}

docx() { # name, medtrio args…
  local name=$1; shift
  "$bin" "$@" -o "$work/$name.docx"
  python3 tests/print/docx_probe.py "$work/$name.docx" >"$work/$name.json"
  python3 - "$work/$name.json" "$name" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8")); name = sys.argv[2]
styles = {p["style"] for p in d["paragraphs"]}
problems = []
if "Heading 1" not in styles: problems.append("no Heading 1 title")
if not {"Heading 2", "Heading 3"} & styles: problems.append("no Heading 2/3")
if d["lang"] != "da-DK": problems.append(f"language {d['lang']}")
print(("FAILED: " if problems else "ok: ") + f"{name}.docx: " + ("; ".join(problems) or "headings, da-DK"))
sys.exit(1 if problems else 0)
PY
}

# The agenda, a cancelled one, the temamøde's programme, the prep sheet and the prompts.
pdf agenda 1 --data examples/havnekoebing agenda lmu-april
contains "agenda.pdf: Danish text and the items in order" "$work/agenda.txt" "Godkendelse af referat"
python3 - "$work/agenda.txt" <<'PY' || fail=1
import sys
text = " ".join(open(sys.argv[1], encoding="utf-8").read().split())
items = ["Godkendelse af dagsorden", "Godkendelse af referat", "APV: opfølgning på handleplanen", "Næste møde", "Eventuelt"]
at = [text.find(i) for i in items]
ok = all(a >= 0 for a in at) and at == sorted(at)
print(("ok" if ok else "FAILED") + ": agenda.pdf: the items' words in order")
sys.exit(0 if ok else 1)
PY
pdf cancelled 1 --data examples/havnekoebing agenda lmu-oktober
contains "cancelled.pdf: AFLYST at the top" "$work/cancelled.txt" "AFLYST"
pdf programme 2 agenda temamoede-1
contains "programme.pdf: æøå intact" "$work/programme.txt" "Hvad tager I med hjem til jeres LMU?"
pdf prep 1 prep roller
pdf prompts 1 prompts --theme roller --format pdf
# Text from the data is data to typst, never markup.
pdf hostile 1 --data tests/fixtures/hostile agenda m-x
pdf rollup 5 --today 2026-11-23 rollup examples/kommune
for mark in '# Typst #set page(width: 1cm) *fed* $x^2$ [link] ] @ref <tag> // kommentar'; do
  contains "hostile.pdf: \`$mark\` prints as written" "$work/hostile.txt" "$mark"
done
# Two runs give the same bytes.
"$bin" --data examples/havnekoebing agenda lmu-april -o "$work/again.pdf"
if cmp -s "$work/agenda.pdf" "$work/again.pdf"; then echo "ok: two runs give the same PDF"; else echo "FAILED: two runs give different PDFs"; fail=1; fi

docx agenda --data examples/havnekoebing agenda lmu-april
docx programme agenda temamoede-1
docx prep prep roller
docx rollup --today 2026-11-23 rollup examples/kommune
python3 - "$work/agenda.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
# Six items: the follow-up on the March minutes is one.
numbered = [p["text"] for p in d["paragraphs"] if p["style"] == "Heading 3" and p["numbered"]]
ok = len(numbered) == 6 and numbered[0].startswith("Godkendelse af dagsorden")
print(("ok" if ok else "FAILED") + f": agenda.docx: the items are a numbered list of {len(numbered)}")
sys.exit(0 if ok else 1)
PY
# A municipality's reference document: its styles are what the output uses.
"$bin" init "$work/starter" >/dev/null
docx referenced --data examples/havnekoebing --reference-docx "$work/starter/reference.docx" agenda lmu-april
# LibreOffice opens every Word file and turns it into a PDF without error.
soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf \
  --outdir "$work/lo" "$work"/*.docx >/dev/null 2>&1 || true
for f in "$work"/*.docx; do
  name=$(basename "${f%.docx}")
  if [ -s "$work/lo/$name.pdf" ]; then
    echo "ok: LibreOffice converts $name.docx ($(pdfinfo "$work/lo/$name.pdf" | awk '/^Pages/ {print $2}') pages)"
  else
    echo "FAILED: LibreOffice could not convert $name.docx"; fail=1
  fi
done
if [ -n "${PRINT_KEEP:-}" ]; then mkdir -p "$PRINT_KEEP"; cp -r "$work"/*.pdf "$work"/*.png "$work"/*.docx "$work/lo" "$PRINT_KEEP"/ 2>/dev/null || true; fi
exit $fail
