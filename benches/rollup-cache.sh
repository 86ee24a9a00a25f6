#!/usr/bin/env bash
# rollup with the cache against without it (issue 25). Run from anywhere:
# `bash benches/rollup-cache.sh`. Not for CI.
#
# examples/synth.rs writes a tree of COMMITTEES committees' folders (HU, 8 OMUs, the rest
# LMUs), MEETINGS meetings each; the LMUs inherit HU's roadmap and findings (FINDINGS
# findings). Since #25 `rollup` reads each folder through the one checked load, and so
# through the cache. hyperfine measures, on the same tree:
#   (1) no cache:  `medtrio --no-cache rollup TREE --format json`;
#   (2) cache:     `medtrio rollup TREE --format json` with a filled cache (a first run, as
#                  hyperfine's warm-up, fills it; every measured run is a second run: all hits).
# MEDTRIO_CACHE_MIN_BYTES is left at its default: a folder is cached only when its inputs
# (its own files and the inherited ones) reach 64 KiB. Knobs: COMMITTEES (500), MEETINGS
# (100), FINDINGS (1000), RUNS (5), KEEP_WORK=1.
set -euo pipefail

cd "$(dirname "$0")/.."
COMMITTEES=${COMMITTEES:-500}
MEETINGS=${MEETINGS:-100}
FINDINGS=${FINDINGS:-1000}
RUNS=${RUNS:-5}
unset MEDTRIO_NO_CACHE MEDTRIO_CACHE_MIN_BYTES MEDTRIO_DATA

command -v hyperfine >/dev/null || { echo "rollup-cache.sh: needs hyperfine" >&2; exit 2; }

cargo build --release --quiet --bin medtrio --example synth
TARGET=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
BIN=$TARGET/release/medtrio
SYNTH=$TARGET/release/examples/synth

WORK=$(mktemp -d)
cleanup() { if [ -n "${KEEP_WORK:-}" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

TREE=$WORK/tree
export MEDTRIO_CACHE_DIR=$WORK/cache
"$SYNTH" --committees "$COMMITTEES" --meetings "$MEETINGS" --findings "$FINDINGS" --out "$TREE" --seed 1 >&2
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(hyperfine --version)" >&2
echo "tree: $(find "$TREE" -name programme.yaml | wc -l) folders, $(du -sb "$TREE" | cut -f1) bytes" >&2

# The same bytes with and without the cache, and every folder valid.
"$BIN" --no-cache --today 2026-11-23 rollup "$TREE" --format json >"$WORK/uncached.json"
"$BIN" --today 2026-11-23 rollup "$TREE" --format json >"$WORK/first.json"
"$BIN" --today 2026-11-23 rollup "$TREE" --format json >"$WORK/second.json"
cmp "$WORK/uncached.json" "$WORK/first.json"
cmp "$WORK/uncached.json" "$WORK/second.json"
echo "cache: $(find "$MEDTRIO_CACHE_DIR" -name '*.medtrio-cache' | wc -l) entries, $(du -sb "$MEDTRIO_CACHE_DIR" | cut -f1) bytes" >&2

hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/cache.json" \
    -n "no cache" "$BIN --no-cache --today 2026-11-23 rollup $TREE --format json" \
    -n "cache" "$BIN --today 2026-11-23 rollup $TREE --format json" >&2

python3 - "$WORK" "$COMMITTEES" "$MEETINGS" <<'PY'
import json, sys
work, committees, meetings = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
r = {x["command"]: x for x in json.load(open(f"{work}/cache.json"))["results"]}
def t(s):
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"
med = {k: v["median"] for k, v in r.items()}
cpu = {k: v["user"] + v["system"] for k, v in r.items()}
print("| committees × meetings | no cache (median) | cache, second run (median) | cache / no cache | CPU no cache | CPU cache |")
print("|---|---:|---:|---:|---:|---:|")
print(f"| {committees} × {meetings} | {t(med['no cache'])} | {t(med['cache'])} | {med['cache'] / med['no cache']:.2f} | {t(cpu['no cache'])} | {t(cpu['cache'])} |")
PY
