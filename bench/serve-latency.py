#!/usr/bin/env python3
"""Time from saving a changed resolution to its new text served over HTTP.

Usage: bench/serve-latency.py [--sizes 1000,10000] [--rounds 15] [--binary target/release/plenary]

For each size it generates an archive with ../shared/tools/gen-corpus.py
(cached under bench/.archives/), starts `plenary serve --port 0`, listens to
the live-reload event stream, edits one resolution `--rounds` times and
records how long each edit took until `event: reload` came (the rebuild,
search index included, is written by then) and the page, fetched over HTTP,
holds the new words. As a baseline
measured in the same run it times a full `plenary build` of the same
archive. Prints median, 90th percentile and the ratio to the full build.
"""
import argparse, os, re, socket, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
GEN = os.path.join(REPO, "..", "shared", "tools", "gen-corpus.py")


def archive(size):
    path = os.path.join(HERE, ".archives", f"gen-{size}")
    if not os.path.isdir(path):
        subprocess.run([sys.executable, GEN, "--count", str(size), "--out", path], check=True)
    return path


def full_build(binary, root, out):
    t = time.perf_counter()
    subprocess.run([binary, "build", "--root", root, "--output", out], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def events(host, port, base):
    s = socket.create_connection((host, port))
    s.sendall(f"GET {base}__plenary/events HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    s.settimeout(30)
    return s


def wait_reload(sock, pending):
    while b"event: reload" not in pending[0]:
        chunk = sock.recv(65536)
        if not chunk:
            raise RuntimeError("event stream closed")
        pending[0] += chunk
    pending[0] = pending[0].split(b"event: reload", 1)[1]


def page_text(host, port, path):
    s = socket.create_connection((host, port))
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            return data.decode("utf-8", "replace")
        data += chunk


def page_path(base, content, target):
    """The address of a generated resolution's page (`/sc/690/` for the Council)."""
    parts = os.path.relpath(target, content)[:-3].split(os.sep)
    if parts[0] == "sc":
        parts = ["sc", parts[2]]
    return base + "/".join(parts) + "/"


def measure(binary, size, rounds):
    root = archive(size)
    with tempfile.TemporaryDirectory() as tmp:
        baseline = statistics.median(full_build(binary, root, os.path.join(tmp, f"full{i}")) for i in range(3))
        server = subprocess.Popen([binary, "serve", "--port", "0", "--root", root, "--output",
                                   os.path.join(tmp, "preview")],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            for line in server.stdout:
                m = re.search(r"Serving the site at http://([^:/]+):(\d+)(/\S*)", line)
                if m:
                    host, port, base = m.group(1), int(m.group(2)), m.group(3)
                    break
            sock = events(host, port, base)
            pending = [b""]
            while b"text/event-stream" not in pending[0]:
                pending[0] += sock.recv(4096)
            target = next(os.path.join(d, f) for d, _, fs in sorted(os.walk(os.path.join(root, "content")))
                          for f in sorted(fs) if f.endswith(".md"))
            original = open(target, encoding="utf-8").read()
            times = []
            try:
                for i in range(rounds):
                    # A new word in the first operative paragraph, each round.
                    text = original.replace("1. *", f"1. Edited {i}: *", 1)
                    time.sleep(0.3)
                    t = time.perf_counter()
                    with open(target, "w", encoding="utf-8") as f:
                        f.write(text)
                    wait_reload(sock, pending)
                    page = page_text(host, port, page_path(base, os.path.join(root, "content"), target))
                    times.append(time.perf_counter() - t)
                    if f"Edited {i}:" not in page:
                        raise RuntimeError(f"round {i}: the page served lacks the edit")
            finally:
                with open(target, "w", encoding="utf-8") as f:
                    f.write(original)
        finally:
            server.terminate()
            server.wait()
    return baseline, times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--binary", default=os.path.join(REPO, "target", "release", "plenary"))
    args = ap.parse_args()
    print(f"{'resolutions':>11}  {'full build':>10}  {'edit→served median':>18}  {'p90':>8}  {'min':>8}  {'median/full':>11}")
    for size in [int(s) for s in args.sizes.split(",")]:
        baseline, times = measure(args.binary, size, args.rounds)
        times.sort()
        median = statistics.median(times)
        p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
        print(f"{size:>11}  {baseline*1000:>8.0f}ms  {median*1000:>16.1f}ms  {p90*1000:>6.1f}ms  {times[0]*1000:>6.1f}ms  {median/baseline:>11.3f}")


if __name__ == "__main__":
    main()
