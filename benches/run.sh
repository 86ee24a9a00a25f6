#!/usr/bin/env bash
# The medtrio benchmark. Run from anywhere: `bash benches/run.sh`.
#
# For synthetic data of 5 000 and 50 000 meetings (findings = meetings / 5, written by
# examples/synth.rs) it measures with hyperfine, in one run:
#   (1) cold list: `medtrio --no-cache list meetings --quarter 2027-Q2 --format json`
#   (2) fill list: the same with the cache on and its folder empty (parse, then write the entry)
#   (3) warm list: the same with the entry in the cache
#   (4) `medtrio export --out OUT --force`, with --no-cache, and with the cache warm
#   (5) a bare parse of the three files into untyped YAML values (examples/bare_parse.rs): the floor
#   (6) python yq selecting the same meetings from programme.yaml (exact dates only)
#   (7) with BASELINE_BIN=/path/to/an/older/medtrio: that binary's list, for "cold ≤ 1.05 × before"
# plus the peak RSS of (1), (3) and (4) with /usr/bin/time -v, the size of the cache entry,
# `medtrio list meetings` on the bundled data, and, for small sets (THRESHOLD_SIZES), list
# without and with the cache: where the cache starts to pay. It prints Markdown tables.
#
# The cache lives in folders of the run (MEDTRIO_CACHE_DIR), never in the user's.
# OUT is on tmpfs (/dev/shm) when there is one, so that (4) measures medtrio and not the
# disk's write-back. Set BENCH_OUT=/some/disk/dir to measure a disk instead.
# Times are wall-clock medians; since a busy machine stretches them, the CPU time (user +
# system, hyperfine's means) of the same runs is printed beside them, ratios too.
# Knobs: RUNS (default 5), SIZES (default "5000 50000"), THRESHOLD_SIZES (default
# "250 500 1000 2000"; empty to skip), BASELINE_BIN, KEEP_WORK=1 (keep the raw JSON).
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
SIZES=${SIZES:-"5000 50000"}
THRESHOLD_SIZES=${THRESHOLD_SIZES-"250 500 1000 2000"}
BASELINE_BIN=${BASELINE_BIN:-}
unset MEDTRIO_NO_CACHE MEDTRIO_CACHE_MIN_BYTES MEDTRIO_CACHE_DIR MEDTRIO_DATA

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
cleanup() {
    [ "$OUT_BASE" = "$WORK" ] || rm -rf "$OUT_BASE"
    if [ -n "${KEEP_WORK:-}" ]; then rm -rf "$WORK"/data-* "$WORK"/small-*/ "$WORK"/cache-*; echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# jq program for (6): meetings with an exact date in 2027-04-01..2027-06-30.
YQ_FILTER='[.meetings[] | select((.date | type) == "string" and (.date | length) == 10
                                 and .date >= "2027-04-01" and .date <= "2027-06-30")]'
printf '%s' "$YQ_FILTER" >"$WORK/filter.jq"

echo "machine: $(nproc) cores; $(hyperfine --version); $(yq --version 2>&1 | head -1)" >&2

LIST_ARGS="list meetings --quarter 2027-Q2 --format json"
for n in $SIZES; do
    data=$WORK/data-$n
    out=$OUT_BASE/export-$n
    cache=$WORK/cache-$n
    export MEDTRIO_CACHE_DIR=$cache
    "$SYNTH" --meetings "$n" --findings $((n / 5)) --out "$data" --seed 1 >&2
    "$BIN" --no-cache --data "$data" validate >&2
    du -cb "$data"/*.yaml | tail -1 | cut -f1 >"$WORK/input-$n.txt"

    # The timed runs run under /usr/bin/time -v, so that they also record the peak RSS (of
    # the last run).
    timed() { echo "/usr/bin/time -v -o $WORK/rss-$1-$n.txt"; }
    cold="$(timed cold) $BIN --no-cache --data $data $LIST_ARGS"
    warm="$(timed warm) $BIN --data $data $LIST_ARGS"
    fill="$BIN --data $data $LIST_ARGS"
    export_cold="$(timed export) $BIN --no-cache --data $data export --out $out --force"
    export_warm="$(timed export-warm) $BIN --data $data export --out $out --force"
    bare="$BARE $data"
    baseline=()
    if [ -n "$BASELINE_BIN" ]; then
        baseline=(-n baseline "$BASELINE_BIN --data $data $LIST_ARGS")
    fi

    # (2): every run starts from an empty cache folder.
    hyperfine -N --warmup 1 --runs "$RUNS" --prepare "rm -rf $cache" \
        --export-json "$WORK/fill-$n.json" -n fill "$fill" >&2
    "$BIN" --data "$data" $LIST_ARGS >/dev/null # fills the cache for (3) and (4)
    { du -cb "$cache"/*.medtrio-cache 2>/dev/null || true; } | tail -1 | cut -f1 >"$WORK/entry-$n.txt"
    # (1), (3), (4), (5) and (7) in one hyperfine call: each command's runs in turn.
    hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/medtrio-$n.json" \
        -n cold "$cold" -n warm "$warm" "${baseline[@]}" -n export "$export_cold" \
        -n export-warm "$export_warm" -n bare "$bare" >&2
    cmp <("$BIN" --no-cache --data "$data" $LIST_ARGS) <("$BIN" --data "$data" $LIST_ARGS) >&2

    # (6) python yq is slow: fewer runs, and at 50 000 meetings no warm-up.
    if [ "$n" -ge 20000 ]; then yq_warmup=0; yq_runs=2; else yq_warmup=1; yq_runs=3; fi
    hyperfine --warmup "$yq_warmup" --runs "$yq_runs" --export-json "$WORK/yq-$n.json" \
        -n yq "yq --from-file $WORK/filter.jq $data/programme.yaml" >&2
    echo "selected: medtrio $("$BIN" --data "$data" $LIST_ARGS | jq length)," \
        "yq $(yq --from-file "$WORK/filter.jq" "$data/programme.yaml" | jq length) (exact dates only)" >&2
done

# Where the cache pays: small sets, list without and with the cache (threshold lowered to 0).
for n in $THRESHOLD_SIZES; do
    data=$WORK/small-$n
    export MEDTRIO_CACHE_DIR=$WORK/cache-small-$n MEDTRIO_CACHE_MIN_BYTES=0
    "$SYNTH" --meetings "$n" --findings $((n / 5 + 1)) --out "$data" --seed 1 >&2
    du -cb "$data"/*.yaml | tail -1 | cut -f1 >"$WORK/small-input-$n.txt"
    "$BIN" --data "$data" $LIST_ARGS >/dev/null
    hyperfine -N --warmup 3 --runs 30 --export-json "$WORK/small-$n.json" \
        -n cold "$BIN --no-cache --data $data $LIST_ARGS" -n warm "$BIN --data $data $LIST_ARGS" >&2
done
unset MEDTRIO_CACHE_DIR MEDTRIO_CACHE_MIN_BYTES

# The bundled data, many runs.
hyperfine -N --warmup 10 --runs 200 --export-json "$WORK/bundled.json" -n bundled "$BIN list meetings" >&2

# --- The tables. ---------------------------------------------------------------------------
python3 - "$WORK" "$SIZES" "$THRESHOLD_SIZES" <<'PY'
import json, re, sys
work, sizes = sys.argv[1], [int(s) for s in sys.argv[2].split()]
small_sizes = [int(s) for s in sys.argv[3].split()]

def medians(path):
    return {r["command"]: r["median"] for r in json.load(open(path))["results"]}

def cpu(path):
    return {r["command"]: r["user"] + r["system"] for r in json.load(open(path))["results"]}

def rss(name, n):
    text = open(f"{work}/rss-{name}-{n}.txt").read()
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) * 1024

mib = lambda b: b / 1048576
sec = lambda s: f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"
rows = {}
for n in sizes:
    m = medians(f"{work}/medtrio-{n}.json") | medians(f"{work}/fill-{n}.json") | medians(f"{work}/yq-{n}.json")
    c = cpu(f"{work}/medtrio-{n}.json") | cpu(f"{work}/fill-{n}.json") | cpu(f"{work}/yq-{n}.json")
    rows[n] = dict(m, cpu=c, input=int(open(f"{work}/input-{n}.txt").read()),
                   entry=int(open(f"{work}/entry-{n}.txt").read()),
                   **{f"rss_{k}": rss(k, n) for k in ["cold", "warm", "export", "export-warm"]})
base = all("baseline" in r for r in rows.values())

print("| meetings | input | (1) cold list | (2) fill list | (3) warm list | (4) export | (4) export, warm "
      "| (5) bare parse | (6) yq |" + (" (7) baseline list |" if base else "") + " cache entry |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + ("---:|" if base else "") + "---:|")
for n, r in rows.items():
    print(f"| {n:,} | {mib(r['input']):.1f} MiB | {sec(r['cold'])} | {sec(r['fill'])} | {sec(r['warm'])} "
          f"| {sec(r['export'])} | {sec(r['export-warm'])} | {sec(r['bare'])} | {r['yq']:.2f} s |"
          + (f" {sec(r['baseline'])} |" if base else "") + f" {mib(r['entry']):.1f} MiB |")
print()
print("| meetings | warm / cold | warm / yq | fill / cold |" + (" cold / baseline | fill / baseline |" if base else "")
      + " cold / bare | RSS cold list | RSS warm list | RSS export | RSS export / input | RSS export, warm |")
print("|---:|---:|---:|---:|" + ("---:|---:|" if base else "") + "---:|---:|---:|---:|---:|---:|")
for n, r in rows.items():
    print(f"| {n:,} | {r['warm'] / r['cold']:.3f} | {r['warm'] / r['yq']:.4f} | {r['fill'] / r['cold']:.3f} |"
          + (f" {r['cold'] / r['baseline']:.3f} | {r['fill'] / r['baseline']:.3f} |" if base else "")
          + f" {r['cold'] / r['bare']:.2f} | {mib(r['rss_cold']):.0f} MiB | {mib(r['rss_warm']):.0f} MiB "
          f"| {mib(r['rss_export']):.0f} MiB | {r['rss_export'] / r['input']:.1f}× | {mib(r['rss_export-warm']):.0f} MiB |")
print()
print("CPU time (user + system) of the same runs:")
print()
print("| meetings | cold list | fill list | warm list | export | export, warm | bare parse | yq |"
      + (" baseline list |" if base else "") + " warm / cold | warm / yq | fill / cold |"
      + (" cold / baseline | fill / baseline |" if base else ""))
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + ("---:|---:|---:|" if base else ""))
for n, r in rows.items():
    c = r["cpu"]
    print(f"| {n:,} | {sec(c['cold'])} | {sec(c['fill'])} | {sec(c['warm'])} | {sec(c['export'])} "
          f"| {sec(c['export-warm'])} | {sec(c['bare'])} | {c['yq']:.2f} s |"
          + (f" {sec(c['baseline'])} |" if base else "")
          + f" {c['warm'] / c['cold']:.3f} | {c['warm'] / c['yq']:.4f} | {c['fill'] / c['cold']:.3f} |"
          + (f" {c['cold'] / c['baseline']:.3f} | {c['fill'] / c['baseline']:.3f} |" if base else ""))
if len(sizes) >= 2:
    small, large = rows[sizes[0]], rows[sizes[-1]]
    print()
    print(f"time({sizes[-1]:,}) / time({sizes[0]:,}): cold list {large['cold'] / small['cold']:.1f}×, "
          f"warm list {large['warm'] / small['warm']:.1f}×, export {large['export'] / small['export']:.1f}×, "
          f"bare parse {large['bare'] / small['bare']:.1f}×")
if small_sizes:
    print()
    print("| meetings (small set) | input | cold list | warm list | saved | CPU cold | CPU warm |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in small_sizes:
        m, c = medians(f"{work}/small-{n}.json"), cpu(f"{work}/small-{n}.json")
        size = int(open(f"{work}/small-input-{n}.txt").read())
        print(f"| {n:,} | {size / 1024:.0f} KiB | {m['cold'] * 1000:.1f} ms | {m['warm'] * 1000:.1f} ms "
              f"| {(m['cold'] - m['warm']) * 1000:.1f} ms | {c['cold'] * 1000:.1f} ms | {c['warm'] * 1000:.1f} ms |")
bundled = medians(f"{work}/bundled.json")["bundled"]
print()
print(f"`medtrio list meetings` on the bundled data: median {bundled * 1000:.2f} ms"
      f" (CPU {cpu(f'{work}/bundled.json')['bundled'] * 1000:.2f} ms)")
PY
