#!/usr/bin/env bash
# Whole-output comparison for a restructuring: builds the bundled archive, a
# generated 3,000-resolution archive and (where ../shared has it) the GA's 74th
# session imported from the UN's XML, with two plenary binaries, and compares
# every file byte for byte.
#
# Usage: scripts/same-output.sh BEFORE_BINARY AFTER_BINARY [WORK_DIR]
# Prints how many files differ, by file name, with the first few, and exits
# 1 if any do.
set -euo pipefail
before=$(realpath "$1"); after=$(realpath "$2")
work=${3:-$(mktemp -d)}
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${PLENARY_SHARED:-$repo/../shared}
mkdir -p "$work"
if [ ! -d "$work/gen3000" ]; then
  python3 "$shared/tools/gen-corpus.py" --count 3000 --seed 5 --out "$work/gen3000" >/dev/null 2>&1
fi
# The bundled archive without the repository's themes/ folder, which a
# build would take over each binary's own copy of the default theme.
rm -rf "$work/bundled" && mkdir -p "$work/bundled"
cp -r "$repo/config.yaml" "$repo/content" "$work/bundled/"
archives=("$work/bundled" "$work/gen3000")
# The GA's 74th session as the UN publishes it, imported once.
if [ -d "$shared/corpus/un-ga-74/English" ]; then
  if [ ! -d "$work/ga74/content" ]; then
    mkdir -p "$work/ga74"
    "$after" import akn "$shared/corpus/un-ga-74/English" --root "$work/ga74" >/dev/null 2>&1
  fi
  archives+=("$work/ga74")
fi
status=0
for archive in "${archives[@]}"; do
  name=$(basename "$archive")
  for side in before after; do
    bin=$before; [ "$side" = after ] && bin=$after
    rm -rf "$work/$name-$side"
    "$bin" build --root "$archive" --output "$work/$name-$side" >/dev/null 2>&1
  done
  differ=$(diff -rq "$work/$name-before" "$work/$name-after" || true)
  if [ -z "$differ" ]; then
    echo "$name: $(find "$work/$name-after" -type f | wc -l) files, identical"
  else
    status=1
    echo "$name: $(echo "$differ" | wc -l) of $(find "$work/$name-after" -type f | wc -l) files differ:"
    echo "$differ" | sed -E 's/^Files .* and (.*) differ$/\1/; s/^Only in (.*): (.*)$/only in \1\/\2/' \
      | awk -F/ '{n[$NF]++; if (n[$NF] <= 3) ex[$NF] = ex[$NF] "  " $0 "\n"} END {for (k in n) printf "%6d %s\n%s", n[k], k, ex[k]}'
  fi
done
exit $status
