#!/usr/bin/env bash
# The rollup benchmark (issue 16). Run from anywhere: `bash benches/rollup.sh`. Not for CI.
#
# examples/synth.rs writes a tree of COMMITTEES committees' folders (HU, 8 OMUs, the rest
# LMUs), MEETINGS meetings each, and one folder of COMMITTEES × MEETINGS meetings. In one
# hyperfine call it measures, with --no-cache:
#   (1) rollup:    `medtrio rollup TREE --format json`, every folder parsed and checked in
#                  parallel (rayon, all cores);
#   (2) validates: `medtrio --data DIR validate` for each folder of the tree, one after the
#                  other: what the same checks cost without rollup;
#   (3) list:      `medtrio --data ONE list meetings --format json` over the one big folder;
# then prints the medians, the ratios (1)/(2) and (1)/(3) of medians from that one call, the CPU
# time (user + system) of the same runs, and the peak RSS of (1) and (3) (/usr/bin/time -v).
# Knobs: COMMITTEES (500), MEETINGS (100), FINDINGS (1000), RUNS (5), KEEP_WORK=1.
set -euo pipefail

cd "$(dirname "$0")/.."
COMMITTEES=${COMMITTEES:-500}
MEETINGS=${MEETINGS:-100}
FINDINGS=${FINDINGS:-1000}
RUNS=${RUNS:-5}
unset MEDTRIO_NO_CACHE MEDTRIO_CACHE_MIN_BYTES MEDTRIO_CACHE_DIR MEDTRIO_DATA

for tool in hyperfine jq; do
    command -v "$tool" >/dev/null || { echo "rollup.sh: needs $tool" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "rollup.sh: needs /usr/bin/time (GNU time)" >&2; exit 2; }

cargo build --release --quiet --bin medtrio --example synth
TARGET=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
BIN=$TARGET/release/medtrio
SYNTH=$TARGET/release/examples/synth

WORK=$(mktemp -d)
cleanup() { if [ -n "${KEEP_WORK:-}" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

TREE=$WORK/tree
ONE=$WORK/one
"$SYNTH" --committees "$COMMITTEES" --meetings "$MEETINGS" --findings "$FINDINGS" --out "$TREE" --seed 1 >&2
"$SYNTH" --meetings $((COMMITTEES * MEETINGS)) --findings "$FINDINGS" --out "$ONE" --seed 1 >&2
find "$TREE" -name programme.yaml -printf '%h\n' | sort >"$WORK/folders.txt"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(hyperfine --version)" >&2
echo "tree: $(wc -l <"$WORK/folders.txt") folders, $(du -sb "$TREE" | cut -f1) bytes; one folder: $(du -sb "$ONE" | cut -f1) bytes" >&2

# Every folder must be valid, or the comparison is of error paths.
"$BIN" --no-cache --today 2026-11-23 rollup "$TREE" --format csv >"$WORK/rollup.csv"
"$BIN" --no-cache --data "$ONE" validate >&2

cat >"$WORK/validates.sh" <<EOF
#!/usr/bin/env bash
while read -r d; do "$BIN" --no-cache --today 2026-11-23 --data "\$d" validate >/dev/null; done <"$WORK/folders.txt"
EOF
chmod +x "$WORK/validates.sh"

rollup="/usr/bin/time -v -o $WORK/rss-rollup.txt $BIN --no-cache --today 2026-11-23 rollup $TREE --format json"
list="/usr/bin/time -v -o $WORK/rss-list.txt $BIN --no-cache --data $ONE list meetings --format json"
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/rollup.json" \
    -n rollup "$rollup" -n validates "$WORK/validates.sh" -n list "$list" >&2
# Two runs give the same bytes.
cmp <("$BIN" --no-cache --today 2026-11-23 rollup "$TREE" --format json) \
    <("$BIN" --no-cache --today 2026-11-23 rollup "$TREE" --format json) >&2

python3 - "$WORK" "$COMMITTEES" "$MEETINGS" <<'PY'
import json, re, sys
work, committees, meetings = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
results = {r["command"]: r for r in json.load(open(f"{work}/rollup.json"))["results"]}
med = {k: r["median"] for k, r in results.items()}
cpu = {k: r["user"] + r["system"] for k, r in results.items()}
def rss(name):
    text = open(f"{work}/rss-{name}.txt").read()
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
def t(s):
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"
print(f"| committees × meetings | (1) rollup | (2) {committees} × validate | (3) list, one folder | (1)/(2) | (1)/(3) | RSS rollup | RSS list |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
print(f"| {committees} × {meetings} | {t(med['rollup'])} | {t(med['validates'])} | {t(med['list'])} | "
      f"{med['rollup'] / med['validates']:.3f} | {med['rollup'] / med['list']:.3f} | {rss('rollup'):.0f} MiB | {rss('list'):.0f} MiB |")
print()
print("CPU time (user + system, hyperfine's means) of the same runs:")
print()
print("| (1) rollup | (2) validates | (3) list | (1)/(2) | (1)/(3) |")
print("|---:|---:|---:|---:|---:|")
print(f"| {t(cpu['rollup'])} | {t(cpu['validates'])} | {t(cpu['list'])} | {cpu['rollup'] / cpu['validates']:.3f} | {cpu['rollup'] / cpu['list']:.3f} |")
PY
