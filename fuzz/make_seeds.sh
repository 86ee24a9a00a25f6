#!/bin/sh
# Rebuilds fuzz/seeds/ from the project's YAML files, in the target's input format:
# programme.yaml, a NUL byte, roadmap.yaml, a NUL byte, findings.yaml.
# Run from anywhere: sh fuzz/make_seeds.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/fuzz/seeds"
mkdir -p "$out"
join() { # programme roadmap findings name
    { cat "$1"; printf '\0'; cat "$2"; printf '\0'; cat "$3"; } > "$out/$4"
}
for set in data examples/havnekoebing tests/fixtures/minimal tests/fixtures/broken; do
    join "$root/$set/programme.yaml" "$root/$set/roadmap.yaml" "$root/$set/findings.yaml" \
        "set-$(echo "$set" | tr / -)"
done
min="$root/tests/fixtures/minimal"
for case in "$root"/tests/bad-input/*.yaml; do
    base=$(basename "$case" .yaml)   # <case>.<file>
    file=${base##*.}
    p="$min/programme.yaml"; r="$min/roadmap.yaml"; f="$min/findings.yaml"
    case $file in
        programme) p=$case ;;
        roadmap) r=$case ;;
        findings) f=$case ;;
        *) echo "skipping $case" >&2; continue ;;
    esac
    join "$p" "$r" "$f" "bad-$base"
done
