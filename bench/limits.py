#!/usr/bin/env python3
"""Builds three extreme archives and prints time and peak memory for each,
beside a baseline (the bundled example archive) measured in the same run.

Usage: bench/limits.py [--binary target/release/plenary]

- a single resolution of about 20 MB (long paragraphs, many citations);
- a single resolution of 100,000 operative paragraphs;
- an archive nested 50 folders deep.
"""
import argparse, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

HEAD = "## 70/1. A very long resolution\n\n*The General Assembly*,\n\n"
TAIL = "*1st plenary meeting  \n1 January 2016*\n"
SENTENCE = ("recalling its resolutions 49/127 of 19 December 1994, 50/123 and 51/176, "
            "and paragraph 3 of Security Council resolution 1325 (2000), E/CN.9/1997/2 ")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def huge(root):
    para = SENTENCE * 40  # about 7 KB
    count = 20_000_000 // len(para)
    body = "".join(f"{i}. *Decides* {para};\n\n" for i in range(1, count + 1))
    write(os.path.join(root, "content/ga/70/1.md"), HEAD + body + TAIL)


def many(root):
    body = "".join(f"{i}. *Decides* to act on item {i};\n\n" for i in range(1, 100_001))
    write(os.path.join(root, "content/ga/70/1.md"), HEAD + body + TAIL)


def deep(root):
    folder = os.path.join(root, "content", "ga", "70", *[f"level{i}" for i in range(48)])
    write(os.path.join(folder, "1.md"), HEAD + "1. *Decides* to go deep.\n\n" + TAIL)


def run(binary, root, out):
    """Seconds and peak resident memory (MB) of one build, measured in a
    child of its own so each figure is that build's alone."""
    probe = ("import resource, subprocess, sys, time\n"
             "t = time.perf_counter()\n"
             "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
             "s = time.perf_counter() - t\n"
             "sys.stderr.write(p.stderr.decode(errors='replace')[-2000:])\n"
             "print(p.returncode, s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    p = subprocess.run([sys.executable, "-c", probe, binary, "build", "--root", root, "--output", out],
                       capture_output=True, text=True)
    code, seconds, kb = p.stdout.split()
    if code != "0":
        sys.exit(f"build of {root} failed:\n{p.stderr}")
    return float(seconds), int(kb) / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(REPO, "target", "release", "plenary"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base_s, base_mb = run(args.binary, REPO, os.path.join(tmp, "base-out"))
        print(f"{'archive':<32} {'seconds':>8} {'peak MB':>8} {'time/base':>10}")
        print(f"{'bundled example (baseline)':<32} {base_s:>8.2f} {base_mb:>8.0f} {1:>10.1f}")
        for name, make in [("one 20 MB resolution", huge), ("100,000 paragraphs", many),
                           ("nested 50 folders deep", deep)]:
            root = os.path.join(tmp, name.replace(" ", "-"))
            make(root)
            s, mb = run(args.binary, root, os.path.join(tmp, name.replace(" ", "-") + "-out"))
            print(f"{name:<32} {s:>8.2f} {mb:>8.0f} {s / base_s:>10.1f}")


if __name__ == "__main__":
    main()
