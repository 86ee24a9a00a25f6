#!/usr/bin/env bash
# Prints medtrio's HTML in headless Chromium to PDF and checks the pages with poppler:
# A4, the expected page count, and no agenda item split across a page break.
# Usage: tests/print/check.sh [path/to/medtrio]   (needs chromium, pdfinfo, pdftotext, pdftoppm)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-target/debug/medtrio}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

pdf_of() { # html -> pdf
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --no-pdf-header-footer \
    --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
}

expect() { # what, actual, wanted
  if [ "$2" = "$3" ]; then echo "ok: $1 ($2)"; else echo "FAILED: $1: got $2, want $3"; fail=1; fi
}

check() { # name, expected pages, medtrio args...
  local name=$1 pages=$2; shift 2
  "$bin" "$@" -o "$work/$name.html"
  pdf_of "$work/$name.html" "$work/$name.pdf"
  expect "$name: page size" "$(pdfinfo "$work/$name.pdf" | awk '/^Page size/ {print $3 "x" $5}')" "${size:-594.96x841.92}"
  expect "$name: pages" "$(pdfinfo "$work/$name.pdf" | awk '/^Pages/ {print $2}')" "$pages"
  pdftoppm -png -r 40 -f 1 -l 1 "$work/$name.pdf" "$work/$name"
  [ -s "$work/$name-1.png" ] || { echo "FAILED: $name: no page image"; fail=1; }
}

# An item is whole on one page: its title and its last line are on the same page.
same_page() { # name, first text, last text
  local n p1="" p2=""
  n=$(pdfinfo "$work/$1.pdf" | awk '/^Pages/ {print $2}')
  for i in $(seq 1 "$n"); do
    text=$(pdftotext -f "$i" -l "$i" "$work/$1.pdf" - | tr '\n' ' ')
    case "$text" in *"$2"*) p1=$i ;; esac
    case "$text" in *"$3"*) p2=$i ;; esac
  done
  if [ -n "$p1" ] && [ "$p1" = "$p2" ]; then echo "ok: $1: \"$2\" is whole on page $p1"
  else echo "FAILED: $1: \"$2\" on page ${p1:-?}, its end on page ${p2:-?}"; fail=1; fi
}

# Every word a document prints is in the PDF: each word of the texts given (one per line in
# a file) is found in the page text, with line breaks and hyphenation undone.
words_present() { # name, file of texts
  python3 - "$work/$1.pdf" "$2" <<'PY' || fail=1
import re, subprocess, sys
pdf, texts = sys.argv[1], sys.argv[2]
page = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
squash = lambda t: re.sub(r"[\s\-\u00ad\u2010]+", "", t)
page = squash(page)
# Each word of each text, in the PDF's text with line breaks and hyphenation undone.
missing = [w for t in open(texts, encoding="utf-8").read().splitlines() for w in t.split() if squash(w) and squash(w) not in page]
name = pdf.rsplit("/", 1)[-1]
if missing:
    print(f"FAILED: {name}: {len(missing)} words not in the PDF, e.g. {missing[:5]!r}")
    sys.exit(1)
print(f"ok: {name}: every word is in the PDF")
PY
}

# The texts of the elements with `class` in an HTML file, one a line.
texts_of() { # html, class
  python3 - "$1" "$2" <<'PY'
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(s): super().__init__(); s.depth = 0; s.buf = []; s.out = []
    def handle_starttag(s, tag, attrs):
        if s.depth: s.depth += 1
        elif sys.argv[2] in (dict(attrs).get("class") or "").split(): s.depth = 1
    def handle_endtag(s, tag):
        if s.depth:
            s.depth -= 1
            if not s.depth: s.out.append(" ".join(" ".join(s.buf).split())); s.buf = []
    def handle_data(s, d):
        if s.depth: s.buf.append(d)
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
print("\n".join(p.out))
PY
}

# The draft mark (UDKAST) is printed on every page of a draft.
draft_on_every_page() { # name
  local n i missing=""
  n=$(pdfinfo "$work/$1.pdf" | awk '/^Pages/ {print $2}')
  for i in $(seq 1 "$n"); do
    grep -qx "UDKAST" <<<"$(pdftotext -raw -f "$i" -l "$i" "$work/$1.pdf" -)" || missing="$missing $i"
  done
  if [ -z "$missing" ]; then echo "ok: $1: the draft mark is on all $n pages"
  else echo "FAILED: $1: no draft mark on page(s)$missing"; fail=1; fi
}

check omu-agenda 2 agenda dialog-omu-sundhed
same_page omu-agenda "Dialog: Potentielle barrierer" "Anerkendelse er brændstof for aktørskab"
check temamoede 2 agenda temamoede-1
same_page temamoede "Workshop: Håndtering af krav" "Indflydelse i arbejdet – et fortsat fokus)"
# lmu-april follows up on the minutes of March: an item more.
# Six short items: one sheet, as in the PDF and the Word file.
check lmu-agenda 1 --data examples/havnekoebing agenda lmu-april
same_page lmu-agenda "Opfølgning på beslutninger og handlingspunkter" "beslutte"

# The annual cycle's wheel: one A4 landscape page, every task's title in the page text.
size=841.92x594.96 check wheel 1 --data examples/havnekoebing --today 2026-11-23 cycle --year 2026 --format html
text=$(pdftotext "$work/wheel.pdf" - | tr '\n' ' ')
for t in "Arbejdspladsvurdering (APV)" "Den årlige arbejdsmiljødrøftelse" "Sygefravær: status" "oktober"; do
  case "$text" in *"$t"*) echo "ok: wheel: \"$t\"" ;; *) echo "FAILED: wheel: no \"$t\""; fail=1 ;; esac
done

# The wheel draws the cancelled October meeting as cancelled, and its task numbers are at
# least 12.5 units (8 pt at the printed 165 mm).
if grep -q 'LMU-møde i oktober · [^<]* · aflyst</title>' "$work/wheel.html"; then echo "ok: wheel: the cancelled meeting is drawn as cancelled"
else echo "FAILED: wheel: the cancelled meeting is drawn as an ordinary one"; fail=1; fi
small=$(grep -oE 'font-size="[0-9.]+" font-weight="700" text-anchor="middle" dominant-baseline="central"' "$work/wheel.html" | grep -oE '"[0-9.]+"' | tr -d '"' | awk '$1 < 12.5' | wc -l)
expect "wheel: task numbers under 8 pt" "$small" 0

# A cancelled meeting says so at the top, and has no time slots.
check cancelled 1 --data examples/havnekoebing agenda lmu-oktober
text=$(pdftotext "$work/cancelled.pdf" - | tr '\n' ' ')
case "$text" in *"AFLYST – mødet holdes ikke."*) echo "ok: cancelled: AFLYST at the top" ;; *) echo "FAILED: cancelled: no AFLYST"; fail=1 ;; esac
case "$text" in *"kl. 13.05"*) echo "FAILED: cancelled: it prints time slots"; fail=1 ;; *) echo "ok: cancelled: no time slots" ;; esac

# A referat: A4, the draft mark on every page, no item split; the approved one without it.
check referat-draft 1 --data examples/havnekoebing minutes lmu-april
same_page referat-draft "APV: opfølgning på handleplanen" "Tilføj støj i garderoben til APV-handleplanen"
draft_on_every_page referat-draft
check referat-approved 1 --data examples/havnekoebing minutes lmu-marts
same_page referat-approved "Hvad er aktørskab for os?" "Skriv ned, hvilke ændringer i ugeplanen personalet selv"
# The next agenda, with its follow-up item whole on one page.
check lmu-agenda-follow-up 1 --data examples/havnekoebing --today 2026-11-23 agenda lmu-december
same_page lmu-agenda-follow-up "Opfølgning på beslutninger og handlingspunkter" "Tilføj støj i garderoben til APV-handleplanen"

# Cut-out cards: eight to an A4 page, never split, and no word lost at a card's edge.
check cards-all 7 prompts
texts_of "$work/cards-all.html" question > "$work/cards-texts"
texts_of "$work/cards-all.html" source >> "$work/cards-texts"
words_present cards-all "$work/cards-texts"
# Two pages since the prompts were shortened to a card's worth (at most 170 characters).
check cards-16 2 prompts --count 16 --seed 7

# The MED-trio's prep sheets.
# Two pages: the sheet for a meeting with a barriers item brings every barrier with its question.
check prep-meeting 2 prep dialog-omu-sundhed
check prep-theme 1 prep roller
check prep-theme-en 1 --lang en prep ledelse
texts_of "$work/prep-theme.html" box > "$work/prep-texts"
words_present prep-theme "$work/prep-texts"

# The rollup of the example tree: A4, each committee's decisions and action points whole.
check rollup 4 --today 2026-11-23 rollup examples/kommune
same_page rollup "LMU Plejecenter Solhaven LMU" "Saml personalets erfaringer med tiden til det uforudsete"
same_page rollup "OMU Sundhed og omsorg OMU" "Hvert LMU sætter et møde om aktørskab på dagsordenen"
# Two pages since procedural decisions are left out of the report.
check rollup-omu 2 --today 2026-11-23 rollup examples/kommune --under omu-sundhed

# ---- #33: every printable page as its reader gets it ----
dense=tests/fixtures/print-dense
# What a page's script finds in the laid-out page: the page is loaded in Chromium with a
# probe appended that writes its finding into the DOM.
probe() { # html, width, javascript that returns a string
  local js=${3//&/\\&} # `&` is the matched text to sed
  sed "s#</body>#<script>document.body.setAttribute('data-probe', String((() => { $js })()))</script></body>#" "$1" >"$1.probe.html"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --window-size="$2,2000" --dump-dom "file://$1.probe.html" 2>/dev/null \
    | grep -o 'data-probe="[^"]*"' | sed 's/data-probe="//; s/"$//'
}
# D4: no card's text runs past its edge: the 381-character prompt, and every bundled one.
check cards-long 1 --data "$dense" prompts --format cards
overflowing='return [...document.querySelectorAll(".card")].filter(c => c.scrollHeight > c.clientHeight + 1).length'
expect "cards-long: cards whose text runs past the edge" "$(probe "$work/cards-long.html" 1200 "$overflowing")" 0
expect "cards-all: cards whose text runs past the edge" "$(probe "$work/cards-all.html" 1200 "$overflowing")" 0
texts_of "$work/cards-long.html" question > "$work/cards-long-texts"
texts_of "$work/cards-long.html" source >> "$work/cards-long-texts"
words_present cards-long "$work/cards-long-texts"
# D1, D6: the long draft referat: the mark and "Side x af y" on every page.
check referat-long 3 --data "$dense" minutes lmu-lang
draft_on_every_page referat-long
for i in 2 3; do
  grep -q "Side $i af 3" <<<"$(pdftotext -f "$i" -l "$i" "$work/referat-long.pdf" -)" \
    && echo "ok: referat-long: \"Side $i af 3\" on page $i" || { echo "FAILED: referat-long: no page number on page $i"; fail=1; }
done
# D6: printed with the browser's own headers and footers on (Chrome's default), no page
# shows the browser's date, title or file:// path: every margin box is medtrio's.
for name in referat-long prep-theme cards-long wheel lmu-agenda; do
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --print-to-pdf="$work/$name-hf.pdf" "file://$work/$name.html" >/dev/null 2>&1
  if grep -qE 'file://|[0-9]+/[0-9]+/[0-9]+, [0-9]+:[0-9]+' <<<"$(pdftotext "$work/$name-hf.pdf" -)"; then
    echo "FAILED: $name: the browser's header or footer shows through"; fail=1
  else echo "ok: $name: no browser header or footer"; fi
done
# The referat on a phone: nothing wider than the screen.
expect "referat-long at 390 px: wider than the screen by" \
  "$(probe "$work/referat-long.html" 390 'return Math.max(0, document.documentElement.scrollWidth - window.innerWidth)')" 0

# The export's index page at a phone's width and a laptop's; the PNGs are kept with
# PRINT_KEEP=DIR for a look.
"$bin" --data examples/havnekoebing --today 2026-11-23 export --out "$work/site" >/dev/null
for size in 390,844 1280,900; do
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars --window-size="$size" \
    --screenshot="$work/index-${size%,*}.png" "file://$work/site/index.html" >/dev/null 2>&1
  if [ -s "$work/index-${size%,*}.png" ]; then echo "ok: index at ${size%,*} px"; else echo "FAILED: index at ${size%,*} px: no screenshot"; fail=1; fi
done
pdf_of "$work/site/index.html" "$work/index.pdf"
expect "index: page size" "$(pdfinfo "$work/index.pdf" | awk '/^Page size/ {print $3 "x" $5}')" "594.96x841.92"
# D10: the screen's links do not print, and a held meeting is ticked (not told by colour only).
text=$(pdftotext "$work/index.pdf" - | tr '\n' ' ')
case "$text" in *"(Markdown"*) echo "FAILED: index: the screen-only links print"; fail=1 ;; *) echo "ok: index: no screen-only links in print" ;; esac
case "$text" in *"✓ LMU-møde i april"*) echo "ok: index: a held meeting is ticked" ;; *) echo "FAILED: index: no tick on a held meeting"; fail=1 ;; esac
# The "i dag" line starts below the quarter heads and lies behind the bars.
expect "index: the today line behind the bars" "$(probe "$work/site/index.html" 1280 'const t = document.querySelector(".timeline .today"); const b = document.querySelector(".timeline .bar"); return t ? (getComputedStyle(t).zIndex < getComputedStyle(b).zIndex && t.style.gridRowStart === "2") : "no line"')" true
# A referat with a confidential item says so in the running header of every printed page;
# an internal export's pages say what they are. (The public version: tests/confidential.rs.)
closed="$work/closed"
cp -r examples/havnekoebing "$closed"
python3 - "$closed" <<'PY'
import sys
d = sys.argv[1] + "/"
def edit(name, old, new):
    text = open(d + name, encoding="utf-8").read()
    assert old in text, (name, old)
    open(d + name, "w", encoding="utf-8").write(text.replace(old, new, 1))
edit("programme.yaml", "        minutes: 30\n        lead: \"AMR\"", "        minutes: 25\n        lead: \"AMR\"")
edit("programme.yaml", "        cycle: apv\n", "        cycle: apv\n      - title: \"Omstrukturering af køkkenet\"\n        type: B\n        minutes: 5\n        confidential: true\n")
edit("minutes/lmu-april.yaml", "  - item: 6\n", "  - item: 7\n")
edit("minutes/lmu-april.yaml", "  - item: 5\n", "  - item: 5\n    title: \"Omstrukturering af køkkenet\"\n    decision: \"Tidsplanen blev godkendt.\"\n  - item: 6\n")
PY
size= check referat-closed 2 --data "$closed" --today 2026-11-23 minutes lmu-april
n=$(pdfinfo "$work/referat-closed.pdf" | awk '/^Pages/ {print $2}')
for i in $(seq 1 "$n"); do
  grep -qi "Indeholder fortrolige punkter" <<<"$(pdftotext -f "$i" -l "$i" "$work/referat-closed.pdf" -)" \
    && echo "ok: referat-closed: \"Indeholder fortrolige punkter\" on page $i" || { echo "FAILED: referat-closed: no confidential mark on page $i"; fail=1; }
done
"$bin" --data "$closed" --today 2026-11-23 export --internal --out "$work/internal" >/dev/null
pdf_of "$work/internal/index.html" "$work/internal-index.pdf"
n=$(pdfinfo "$work/internal-index.pdf" | awk '/^Pages/ {print $2}')
for i in $(seq 1 "$n"); do
  grep -qi "Intern udgave" <<<"$(pdftotext -f "$i" -l "$i" "$work/internal-index.pdf" -)" \
    && echo "ok: internal index: \"Intern udgave\" on page $i" || { echo "FAILED: internal index: no \"Intern udgave\" on page $i"; fail=1; }
done
if [ -n "${PRINT_KEEP:-}" ]; then mkdir -p "$PRINT_KEEP"; cp "$work"/*.png "$work"/*.pdf "$PRINT_KEEP"/; fi

exit $fail
