#!/usr/bin/env bash
# Search at archive scale: builds a generated archive (default 50,000
# resolutions), reports the index's size, then serves the site on loopback
# and measures what queries download (bench/search-bytes.mjs, headless
# Chromium). Needs what tests/browser/run.sh installs.
#
# Usage: bench/search.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-50000}
python3 -c "import sys; sys.path.insert(0, 'bench'); import run; run.archive($count, 'native')"
(cd tests/browser && npm ci --no-audit --no-fund --silent)
cargo build --release --quiet
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
serve=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$serve"' EXIT
site="http://127.0.0.1:$port/plenary/"
/usr/bin/time -f "build: %e s, peak %M KB" target/release/plenary build --root "bench/.archives/native-$count" \
  --base-url "$site" --output "$serve/plenary" 2>&1 | grep -v ': warning: '
index="$serve/plenary/search"
echo "index: $(du -sb "$index" | cut -f1) bytes in $(find "$index" -type f | wc -l) files;" \
  "site: $(du -sb "$serve/plenary" | cut -f1) bytes"
for part in terms docs subjects; do
  [ -d "$index/$part" ] || continue
  echo "  $part: $(find "$index/$part" -type f | wc -l) files, $(du -sb "$index/$part" | cut -f1) bytes," \
    "largest $(find "$index/$part" -type f -printf '%s\n' | sort -n | tail -1) bytes"
done
echo "  meta.json: $(stat -c %s "$index/meta.json") bytes"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$serve" >/dev/null 2>&1 &
server=$!
sleep 1
archive="bench/.archives/native-$count/content"
ga="A/RES/50/$(ls "$archive/ga/50" | sort -n | head -1 | sed 's/\.md$//')"
sc="$(ls "$archive/sc/2000" | sort -n | head -1 | sed 's/\.md$//') (2000)"
node bench/search-bytes.mjs "$site" "$ga" "$sc"
