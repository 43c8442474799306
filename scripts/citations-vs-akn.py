#!/usr/bin/env python3
"""Precision and recall of plenary's resolution links against the links the
UN itself put in its Akoma Ntoso XML editions.

Usage: scripts/citations-vs-akn.py SITE_DIR AKN_DIR
  SITE_DIR  a site built from the bundled archive (e.g. public/)
  AKN_DIR   the folder of *.akn.xml files (tests/fixtures/akn)

Counts every <a href> to a resolution symbol (/RES/) in each XML file and
every <a class="cite"> with such a data-symbol on the matching page, as
multisets per document (adjacent XML links to one address, which the UN's
markup sometimes splits, count once).
"""
import collections, glob, html, os, re, sys

PAGES = {"GA_76-10": "ga/76/10", "GA_77-92": "ga/77/92", "GA_75-251": "ga/75/251-b",
         "GA_ES-11-6": "ga/es-11/6", "ECOSOC_2021-1": "ecosoc/2021/1", "HRC_56-2": "hrc/56/2"}

def norm(symbol):
    """One form for both sides: no spaces, and no part letter, since the UN
    links `75/251 A` and `74/261 C` to the whole resolution."""
    symbol = symbol.replace(" ", "")
    m = re.match(r"^(.*\d)[A-Ha-h]$", symbol)
    return m.group(1) if m else symbol

def theirs(xml):
    links, last_end, last = [], -1, None
    for m in re.finditer(r'<a [^>]*href="https://undocs\.org/en/([^"]+)"[^>]*>.*?</a>', xml, re.S):
        sym = html.unescape(m.group(1))
        if m.start() == last_end and sym == last:
            last_end = m.end(); continue
        last_end, last = m.end(), sym
        if "/RES/" in sym:
            links.append(norm(sym))
    return collections.Counter(links)

def ours(page):
    syms = [html.unescape(s) for s in re.findall(r'<a class="cite"[^>]*data-symbol="([^"]+)"', page)]
    return collections.Counter(norm(s) for s in syms if "/RES/" in s)

def main(site, akn):
    tm = to = tt = 0
    for path in sorted(glob.glob(os.path.join(akn, "*.akn.xml"))):
        name = os.path.basename(path)[:-len(".akn.xml")]
        t = theirs(open(path, encoding="utf-8").read())
        if not t:
            print(f"{name}: the XML links no resolutions; skipped"); continue
        o = ours(open(os.path.join(site, PAGES[name], "index.html"), encoding="utf-8").read())
        match = sum((t & o).values())
        tm, to, tt = tm + match, to + sum(o.values()), tt + sum(t.values())
        print(f"{name}: UN {sum(t.values())}, plenary {sum(o.values())}, both {match}")
        for s in sorted((t - o).elements()): print(f"   missed {s}")
        for s in sorted((o - t).elements()): print(f"   extra  {s}")
    print(f"precision {tm / to:.3f} ({tm}/{to}), recall {tm / tt:.3f} ({tm}/{tt})")

if __name__ == "__main__":
    main(*sys.argv[1:3])
