#!/usr/bin/env python3
"""What each kind of output adds to a site: files and megabytes.

Builds a generated archive (bench/run.py's, made once) with `--outputs html`,
then with html and each other kind, and the whole default build; prints each
kind's files and MB (the build with it less the html-only build) and its share
of the default output.

Usage: python3 bench/kinds.py [--count 10000] [--scratch DIR]
"""
import argparse, os, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import REPO, WORK, archive  # noqa: E402

KINDS = ["html", "redirects", "akn", "json", "source", "feeds", "search", "citations"]


def measure(folder):
    files, size = 0, 0
    for dirpath, _, names in os.walk(folder):
        files += len(names)
        size += sum(os.path.getsize(os.path.join(dirpath, n)) for n in names)
    return files, size / 1e6


def build(binary, root, out, outputs):
    shutil.rmtree(out, ignore_errors=True)
    cmd = [binary, "build", "--root", root, "--output", out]
    if outputs:
        cmd += ["--outputs", ",".join(outputs)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    figures = measure(out)
    shutil.rmtree(out, ignore_errors=True)
    return figures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--binary", default=os.path.join(REPO, "target", "release", "plenary"))
    ap.add_argument("--scratch", default=WORK)
    args = ap.parse_args()
    root = archive(args.count, "native")
    out = os.path.join(args.scratch, "plenary-kinds")
    all_files, all_mb = build(args.binary, root, out, None)
    html_files, html_mb = build(args.binary, root, out, ["html"])
    print(f"{args.count} generated resolutions; the default build: {all_files} files, {all_mb:.1f} MB")
    print(f"{'kind':<10} {'files':>7} {'MB':>8} {'share':>6}")
    print(f"{'html':<10} {html_files:>7} {html_mb:>8.1f} {html_mb / all_mb:>6.1%}")
    for kind in KINDS[1:]:
        files, mb = build(args.binary, root, out, ["html", kind])
        files, mb = files - html_files, mb - html_mb
        print(f"{kind:<10} {files:>7} {mb:>8.1f} {mb / all_mb:>6.1%}")


if __name__ == "__main__":
    main()
