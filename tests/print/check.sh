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
  expect "$name: page size" "$(pdfinfo "$work/$name.pdf" | awk '/^Page size/ {print $3 "x" $5}')" "594.96x841.92"
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

# The draft mark (UDKAST) is printed on every page of a draft.
draft_on_every_page() { # name
  local n i missing=""
  n=$(pdfinfo "$work/$1.pdf" | awk '/^Pages/ {print $2}')
  for i in $(seq 1 "$n"); do
    pdftotext -raw -f "$i" -l "$i" "$work/$1.pdf" - | grep -qx "UDKAST" || missing="$missing $i"
  done
  if [ -z "$missing" ]; then echo "ok: $1: the draft mark is on all $n pages"
  else echo "FAILED: $1: no draft mark on page(s)$missing"; fail=1; fi
}

check omu-agenda 2 agenda dialog-omu-sundhed
same_page omu-agenda "Dialog: Potentielle barrierer" "Anerkendelse er brændstof for aktørskab"
check temamoede 2 agenda temamoede-1
same_page temamoede "Workshop: Håndtering af krav" "Kilde: Indflydelse i arbejdet"
# lmu-april follows up on the minutes of March: an item more, on a second page.
check lmu-agenda 2 --data examples/havnekoebing agenda lmu-april
same_page lmu-agenda "Opfølgning på beslutninger og handlingspunkter" "beslutte"

# Cut-out cards: eight to an A4 page, never split.
check cards-all 6 prompts
check cards-16 2 prompts --count 16 --seed 7
same_page cards-16 "Hvordan sikrer vi, at initiativer er koordineret" "unødige konflikter mellem medarbejderne"

# A referat: A4, the draft mark on every page, no item split; the approved one without it.
check referat-draft 2 --data examples/havnekoebing minutes lmu-april
same_page referat-draft "APV: opfølgning på handleplanen" "Tilføj støj i garderoben til APV-handleplanen"
draft_on_every_page referat-draft
check referat-approved 1 --data examples/havnekoebing minutes lmu-marts
same_page referat-approved "Hvad er aktørskab for os?" "Skriv ned, hvilke ændringer i ugeplanen personalet selv"
# The next agenda, with its follow-up item whole on one page.
check lmu-agenda-follow-up 1 --data examples/havnekoebing --today 2026-11-23 agenda lmu-december
same_page lmu-agenda-follow-up "Opfølgning på beslutninger og handlingspunkter" "Tilføj støj i garderoben til APV-handleplanen"

# The MED-trio's prep sheet is one page.
check prep-meeting 1 prep dialog-omu-sundhed
check prep-theme 1 prep roller
check prep-theme-en 1 --lang en prep ledelse

exit $fail
