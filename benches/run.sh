#!/usr/bin/env bash
# The medtrio benchmark. Run from anywhere: `bash benches/run.sh`.
#
# For synthetic data of 5 000 and 50 000 meetings (findings = meetings / 5, written by
# examples/synth.rs) it measures with hyperfine, in one run:
#   (1) medtrio list meetings --quarter 2027-Q2 --format json
#   (2) medtrio export --out OUT --force
#   (3) a bare parse of the three files into untyped YAML values (examples/bare_parse.rs): the floor
#   (4) python yq selecting the same meetings from programme.yaml (exact dates only)
# plus the peak RSS of (1) and (2) with /usr/bin/time -v, and `medtrio list meetings` on the
# bundled data. It prints a Markdown table.
#
# OUT is on tmpfs (/dev/shm) when there is one, so that (2) measures medtrio and not the
# disk's write-back. Set BENCH_OUT=/some/disk/dir to measure a disk instead.
# Knobs: RUNS (default 5), SIZES (default "5000 50000").
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
SIZES=${SIZES:-"5000 50000"}

# --- Tools: install what is missing. -------------------------------------------------------
apt_get() {
    if [ "$(id -u)" = 0 ]; then apt-get "$@"; else sudo apt-get "$@"; fi
}
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v jq >/dev/null || missing+=(jq)
if [ ${#missing[@]} -gt 0 ]; then
    apt_get update -qq
    apt_get install -y -qq "${missing[@]}" >/dev/null
fi
# python yq (the jq wrapper), not the Go yq of the same name.
if ! { yq --help 2>&1 || true; } | grep 'jq' >/dev/null; then
    pip install --quiet yq
fi

# --- Build. --------------------------------------------------------------------------------
cargo build --release --quiet --bin medtrio --example synth --example bare_parse
TARGET=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
BIN=$TARGET/release/medtrio
SYNTH=$TARGET/release/examples/synth
BARE=$TARGET/release/examples/bare_parse

WORK=$(mktemp -d)
OUT_BASE=${BENCH_OUT:-$( [ -w /dev/shm ] && mktemp -d /dev/shm/medtrio-bench.XXXXXX || echo "$WORK" )}
cleanup() { rm -rf "$WORK"; [ "$OUT_BASE" = "$WORK" ] || rm -rf "$OUT_BASE"; }
trap cleanup EXIT

# jq program for (4): meetings with an exact date in 2027-04-01..2027-06-30.
YQ_FILTER='[.meetings[] | select((.date | type) == "string" and (.date | length) == 10
                                 and .date >= "2027-04-01" and .date <= "2027-06-30")]'

echo "machine: $(nproc) cores; $(hyperfine --version); $(yq --version 2>&1 | head -1)" >&2

for n in $SIZES; do
    data=$WORK/data-$n
    out=$OUT_BASE/export-$n
    "$SYNTH" --meetings "$n" --findings $((n / 5)) --out "$data" --seed 1 >&2
    "$BIN" --data "$data" validate >&2
    du -cb "$data"/*.yaml | tail -1 | cut -f1 >"$WORK/input-$n.txt"

    # (1) and (2) run under /usr/bin/time -v, so that the runs hyperfine times also record
    # the peak RSS (of the last run).
    list="/usr/bin/time -v -o $WORK/rss-list-$n.txt $BIN --data $data list meetings --quarter 2027-Q2 --format json"
    export="/usr/bin/time -v -o $WORK/rss-export-$n.txt $BIN --data $data export --out $out --force"
    bare="$BARE $data"
    hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/medtrio-$n.json" \
        -n list "$list" -n export "$export" -n bare "$bare" >&2

    # (4) python yq is slow: fewer runs, and at 50 000 meetings no warm-up.
    if [ "$n" -ge 20000 ]; then yq_warmup=0; yq_runs=2; else yq_warmup=1; yq_runs=3; fi
    printf '%s' "$YQ_FILTER" >"$WORK/filter.jq"
    hyperfine --warmup "$yq_warmup" --runs "$yq_runs" --export-json "$WORK/yq-$n.json" \
        -n yq "yq --from-file $WORK/filter.jq $data/programme.yaml" >&2
    echo "selected: medtrio $("$BIN" --data "$data" list meetings --quarter 2027-Q2 --format json | jq length)," \
        "yq $(yq --from-file "$WORK/filter.jq" "$data/programme.yaml" | jq length) (exact dates only)" >&2
done

# The bundled data, many runs.
hyperfine -N --warmup 10 --runs 200 --export-json "$WORK/bundled.json" -n bundled "$BIN list meetings" >&2

# --- The table. ----------------------------------------------------------------------------
python3 - "$WORK" "$SIZES" <<'EOF'
import json, re, sys
work, sizes = sys.argv[1], [int(s) for s in sys.argv[2].split()]

def medians(path):
    return {r["command"]: r["median"] for r in json.load(open(path))["results"]}

def rss_kib(path):
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(path).read()).group(1))

mib = lambda b: b / 1048576
rows = {}
for n in sizes:
    m = medians(f"{work}/medtrio-{n}.json") | medians(f"{work}/yq-{n}.json")
    rows[n] = dict(m,
                   input=int(open(f"{work}/input-{n}.txt").read()),
                   rss_list=rss_kib(f"{work}/rss-list-{n}.txt") * 1024,
                   rss_export=rss_kib(f"{work}/rss-export-{n}.txt") * 1024)

print("| meetings | input | (1) list | (2) export | (3) bare parse | (4) yq | 1/3 | 1/4 "
      "| peak RSS (1) | RSS (1) / input | peak RSS (2) | RSS (2) / input |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n, r in rows.items():
    print(f"| {n:,} | {mib(r['input']):.1f} MiB | {r['list']:.3f} s | {r['export']:.3f} s "
          f"| {r['bare']:.3f} s | {r['yq']:.2f} s | {r['list'] / r['bare']:.2f} | {r['list'] / r['yq']:.3f} "
          f"| {mib(r['rss_list']):.0f} MiB | {r['rss_list'] / r['input']:.1f}× "
          f"| {mib(r['rss_export']):.0f} MiB | {r['rss_export'] / r['input']:.1f}× |")
if len(sizes) >= 2:
    small, large = rows[sizes[0]], rows[sizes[-1]]
    print()
    print(f"time({sizes[-1]:,}) / time({sizes[0]:,}): (1) list {large['list'] / small['list']:.1f}×, "
          f"(2) export {large['export'] / small['export']:.1f}×, (3) bare parse {large['bare'] / small['bare']:.1f}×")
bundled = medians(f"{work}/bundled.json")["bundled"]
print()
print(f"`medtrio list meetings` on the bundled data: median {bundled * 1000:.2f} ms")
EOF
