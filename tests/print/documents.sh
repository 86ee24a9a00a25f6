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
# Every prompt, unfiltered: headed by what it is, never by an empty heading.
pdf prompts-all 5 prompts
expect "prompts-all.pdf: its heading" "$(head -1 "$work/prompts-all.txt")" "Dialogspørgsmål"
# Text from the data is data to typst, never markup.
pdf hostile 1 --data tests/fixtures/hostile agenda m-x
pdf rollup 4 --today 2026-11-23 rollup examples/kommune
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
# ---- #33: the documents of one sender, on data that exercises each defect ----
dense=tests/fixtures/print-dense
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages/ {print $2}'; }
# D1: a draft referat says UDKAST on every page, in the PDF and in Word (LibreOffice's PDF).
on_every_page() { # what, pdf, text
  local n i missing=""
  n=$(pages "$2")
  for i in $(seq 1 "$n"); do
    grep -q "$3" <<<"$(pdftotext -f "$i" -l "$i" "$2" - 2>/dev/null)" || missing="$missing $i"
  done
  if [ -z "$missing" ] && [ "$n" -gt 1 ]; then echo "ok: $1: \"$3\" on all $n pages"
  else echo "FAILED: $1: no \"$3\" on page(s)${missing:- (only $n page)}"; fail=1; fi
}
pdf referat-long 4 --data "$dense" minutes lmu-lang
on_every_page "referat-long.pdf: the draft mark" "$work/referat-long.pdf" UDKAST
pdftotext -layout "$work/referat-long.pdf" "$work/referat-long.layout.txt" 2>/dev/null
if grep -qE "Afbud +Ingen" "$work/referat-long.layout.txt"; then
  echo "ok: referat-long.pdf: no apologies is \"Ingen\", not a line to fill in"
else echo "FAILED: referat-long.pdf: no \"Afbud Ingen\""; fail=1; fi
docx referat-long --data "$dense" minutes lmu-lang
# D1 (archiving): a referat is PDF/A-2b.
if grep -q "<pdfaid:part>2</pdfaid:part>" <<<"$(pdfinfo -meta "$work/referat-long.pdf" 2>/dev/null)"; then
  echo "ok: referat-long.pdf: PDF/A-2"
else echo "FAILED: referat-long.pdf: not PDF/A-2"; fail=1; fi
# D8: Danish break points: compounds at their joint, three letters carried over, and no
# paragraph's last word broken.
python3 - "$work/referat-long.pdf" <<'PY2' || fail=1
import re, subprocess, sys
text = subprocess.run(["pdftotext", "-raw", sys.argv[1], "-"], capture_output=True, text=True).stdout
lines = text.splitlines()
problems = []
for a, b in zip(lines, lines[1:]):
    if re.search(r"\w-$", a) and "/" not in a.split()[-1]:
        head = re.match(r"\w+", b)
        word = re.search(r"(\w+)-$", a).group(1)
        if not head or len(head.group(0)) < 3 or len(word) < 3:
            problems.append(f"{a[-12:]!r} / {b[:12]!r}")
        if re.search(r"[.?!]$", b.split()[0] if b.split() else ""):
            problems.append(f"last word broken: {word}- {b.split()[0]}")
for wrong in ["persona-\nle", "Familiehu-\nset", "arbejdsmiljøre-\npræ", "Sund-\nhed"]:
    if wrong in text:
        problems.append(wrong.replace("\n", " / "))
print(("FAILED: " if problems else "ok: ") + "referat-long.pdf: Danish break points" + (": " + "; ".join(problems[:5]) if problems else ""))
sys.exit(1 if problems else 0)
PY2
pdf rollup-long 4 --today 2026-11-23 rollup examples/kommune
if grep -qE 'Bør-$|fami-$|ak-$' "$work/rollup-long.txt"; then echo "FAILED: rollup.pdf: a committee's name or a short word is hyphenated in a table"; fail=1
else echo "ok: rollup.pdf: table cells keep their words"; fi
# D5: no runt pages: a 6-item agenda is one page; the note under the last item is not alone.
pdf agenda-notes 2 --data examples/havnekoebing agenda lmu-april --with-notes
last=$(pdftotext -f 2 -l 2 "$work/agenda-notes.pdf" - 2>/dev/null | grep -c .)
if [ "$last" -gt 4 ]; then echo "ok: agenda-notes.pdf: its last page holds more than one line ($last lines)"
else echo "FAILED: agenda-notes.pdf: its last page holds $last lines"; fail=1; fi
# D7: the prompt list has a title, no ids, and the title in its properties.
contains "prompts.pdf: a title naming the theme" "$work/prompts.txt" "Roller og relationer – samspil, tillid og uformelt lederskab"
if grep -q "p-rol" "$work/prompts.txt"; then echo "FAILED: prompts.pdf: prints internal ids"; fail=1; else echo "ok: prompts.pdf: no internal ids"; fi
expect "prompts.pdf: Title" "$(pdfinfo "$work/prompts.pdf" 2>/dev/null | sed -n 's/^Title: *//p')" "Dialogspørgsmål – Roller og relationer – samspil, tillid og uformelt lederskab"
expect "agenda.pdf: Title" "$(pdfinfo "$work/agenda.pdf" 2>/dev/null | sed -n 's/^Title: *//p')" "Dagsorden – LMU-møde i april"
"$bin" prompts --theme roller -o "$work/prompts.docx"
# D9: one typeface: Liberation Sans (Arial's metrics) embedded in the PDF, Arial in Word.
if grep -q "LiberationSans" <<<"$(pdffonts "$work/agenda.pdf" 2>/dev/null)"; then echo "ok: agenda.pdf: Liberation Sans"
else echo "FAILED: agenda.pdf: not set in Liberation Sans"; fail=1; fi

# The Word files: each numbering id declared once (D2), header rows that repeat and no empty
# header row (D3), the draft mark in the header (D1), the title and --today in the properties.
python3 - "$work" <<'PY2' || fail=1
import collections, glob, re, sys, zipfile
problems = []
for path in sorted(glob.glob(sys.argv[1] + "/*.docx")):
    name = path.rsplit("/", 1)[-1]
    z = zipfile.ZipFile(path)
    numbering = z.read("word/numbering.xml").decode()
    for kind in ("abstractNum w:abstractNumId", "num w:numId"):
        ids = collections.Counter(re.findall(r"<w:" + kind + r'="(\d+)"', numbering))
        twice = [i for i, n in ids.items() if n > 1]
        if twice: problems.append(f"{name}: {kind.split()[1]} declared twice: {twice}")
    core = z.read("docProps/core.xml").decode()
    if "unknown" in core or "1970-01-01" in core: problems.append(f"{name}: core.xml says unknown/1970")
    if "2026-11-23" not in core: problems.append(f"{name}: core.xml is not dated --today")
    if not re.search(r"<dc:title>[^<]+</dc:title>", core): problems.append(f"{name}: no title in core.xml")
    body = z.read("word/document.xml").decode()
    for table in re.findall(r"<w:tbl>.*?</w:tbl>", body, re.S):
        rows = re.findall(r"<w:tr>.*?</w:tr>", table, re.S)
        if "TableHeading" in rows[0] and "<w:tblHeader/>" not in rows[0]:
            problems.append(f"{name}: a table's header row does not repeat")
        if "TableHeading" in rows[0] and not re.search(r"<w:t[^>]*>[^<]", rows[0]):
            problems.append(f"{name}: an empty header row")
    headers = " ".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/header"))
    if name == "referat-long.docx" and "UDKAST" not in headers:
        problems.append(f"{name}: no UDKAST in the page header")
import docx
title = [p.text for p in docx.Document(sys.argv[1] + "/prompts.docx").paragraphs if p.style.name == "Heading 1"]
if title != ["Roller og relationer – samspil, tillid og uformelt lederskab"]: problems.append(f"prompts.docx: title {title}")
if "<w:tblHeader/>" not in zipfile.ZipFile(sys.argv[1] + "/rollup.docx").read("word/document.xml").decode():
    problems.append("rollup.docx: no repeating header row")
print(("FAILED: " if problems else "ok: ") + "Word files: numbering, header rows, draft mark, properties" + (": " + "; ".join(problems[:6]) if problems else ""))
sys.exit(1 if problems else 0)
PY2

# LibreOffice opens every Word file and turns it into a PDF without error.
soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf \
  --outdir "$work/lo" "$work"/*.docx >/dev/null 2>&1 || true
for f in "$work"/*.docx; do
  name=$(basename "${f%.docx}")
  if [ -s "$work/lo/$name.pdf" ]; then
    echo "ok: LibreOffice converts $name.docx ($(pages "$work/lo/$name.pdf") pages)"
  else
    echo "FAILED: LibreOffice could not convert $name.docx"; fail=1
  fi
done
# D5: the Word file has as many pages as medtrio's PDF (LibreOffice's PDF of it).
for name in agenda programme prep prompts rollup referat-long; do
  expect "$name.docx: pages as the PDF" "$(pages "$work/lo/$name.pdf")" "$(pages "$work/$name.pdf")"
done
# D1: LibreOffice prints the draft mark on every page of the Word referat.
on_every_page "referat-long.docx (LibreOffice): the draft mark" "$work/lo/referat-long.pdf" UDKAST
# D2: the rollup's first list prints with bullets, not "1., 2.".
if grep -qE '^1\. (Beslutning|Konklusion)' <<<"$(pdftotext "$work/lo/rollup.pdf" -)"; then
  echo "FAILED: rollup.docx: a bullet list prints numbered"; fail=1
else echo "ok: rollup.docx: bullet lists print as bullets"; fi

if [ -n "${PRINT_KEEP:-}" ]; then mkdir -p "$PRINT_KEEP"; cp -r "$work"/*.pdf "$work"/*.png "$work"/*.docx "$work/lo" "$PRINT_KEEP"/ 2>/dev/null || true; fi
exit $fail
