#!/usr/bin/env python3
"""Add seeds to fuzz/corpus/{parse,recognise,output_path,import_akn}.

Coverage guidance cannot see inside a regular expression, so the fuzzer never
invents a line the parser only tells apart by a pattern (`## Annex II`, the
Security Council's closing line). These seeds start it from real shapes:
every Markdown source in the repository, the shared reference and real
resolutions, a small generated archive, and the structures listed below.
For `output_path`, every address a build of the bundled archive writes and
the hostile shapes of tests/safety.rs; for `import_akn`, the UN's own
AKN4UN samples (tests/fixtures/akn, and the GA's 74th session when the
shared folder has it) and small hostile documents.
It also unpacks fuzz/found/TARGET.b64: the inputs earlier runs found that add
coverage beyond these seeds (the corpus itself is not kept in git).
The next `cargo fuzz cmin` keeps those that add coverage.
Run: python3 fuzz/seeds.py [SHARED_DIR] [--out DIR]   (DIR: fuzz/corpus by default)
"""
import argparse
import base64
import hashlib
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
_args = argparse.ArgumentParser()
_args.add_argument("shared", nargs="?", default=str(ROOT.parent / "shared"))
_args.add_argument("--out", default=str(ROOT / "fuzz" / "corpus"))
_args = _args.parse_args()
SHARED = pathlib.Path(_args.shared)
OUT = pathlib.Path(_args.out)
MAX = 24_000  # the recogniser target's inputs, and most parse inputs, stay under this

# Shapes the parser recognises by pattern alone.
STRUCTURES = [
    "## 70/9. Annexed\n\n*The General Assembly*,\n\n1. *Adopts* the text annexed.\n\n"
    "*81st plenary meeting  \n9 December 2015*\n\n## Annex\n\nFirst paragraph.\n\n"
    "1. A numbered annex paragraph.\n\n## ANNEX II\n\n### A. Part\n\nText.\n\n## Annex B\n\n## annex 3\n",
    "## Resolution 1325 (2000)\n\n*The Security Council*,\n\n*Recalling* its resolution 1261 (1999),\n\n"
    "1. *Urges* Member States;\n\n*Adopted by the Security Council at its 4213th meeting, on 31 October 2000*\n",
    "## 1997/2. Sub-paragraphs\n\n*The Economic and Social Council*,\n\n1. *Requests*:\n\n"
    "   (a) first;\n\n   (b) second:\n\n      (i) one;\n\n      (ix) nine;\n\n      (x) ten;\n\n"
    "      (xi) eleven;\n\n      (xl) forty;\n\n      (xc) ninety;\n\n      (cd) four hundred;\n\n"
    "2. *Decides*.\n\n*34th plenary meeting  \n18 July 1997*\n",
    "---\ntitle: Front matter\nsymbol: A/RES/75/251 B\nadopted: 2020-12-31\nsubjects: [Development, Peace]\n"
    "aliases: [/old/75/251/]\nagenda_item: 149\nvote: recorded vote 120-3-10\n---\n"
    "## 75/251. Financing B<sup>1</sup>\n\n*The General Assembly*,\n\n### I\n\n1. *Notes*.\n\n"
    "### II. Budget\n\n1. *Decides*.<sup>2</sup>\n\n*50th plenary meeting  \n31 December 2020*\n\n"
    "<sup>1</sup> A note.\n\n<sup>2</sup> Another.\n",
    "---\nbody: Economic and Social Council\nsession: '1997'\nadopted: 1997-02-29\n"
    "aliases: ['/a b/', ../x, /old.html, /kept]\ndraft: false\n---\n"
    "## 2. Body named in front matter\n\n*The Council*,\n\n1. *Decides*.\n",
    "---\nbody: unknown\nadopted: 2000-13-01\n---\n## 5. Unknown body\n\nText.\n",
    "---\nsymbol: X/1\n---\nNo heading at all.\n\n*The Tribunal*,\n",
    "## 217 A (III). International Bill of Human Rights\n\n*The General Assembly*,\n\n"
    "*Recalling* its resolutions 2625 (XXV) and 3201 (S-VI),\n\n1. *Proclaims*.\n\n"
    "*183rd plenary meeting  \n10 December 1948*\n",
    "---\nadopted: 2000-13-01\n---\n## 70/3. A month that does not exist\n\n*The General Assembly*,\n\n"
    "1. *Decides*.\n\n*3rd plenary meeting  \n29 February 2000*\n",
    "## 70/4. A leap day\n\n*The General Assembly*,\n\n1. *Decides*.\n\n*4th plenary meeting  \n29 February 1900*\n",
]

# Citation phrasings (../shared/docs/citations.md) for the recogniser.
PHRASES = [
    "General Assembly resolutions 49/127 of 19 December 1994, 50/123 of 20 December 1995 and 51/176",
    "Security Council resolution 1325 (2000) and resolutions 1820 (2008), 1888 (2009), as well as 1889 (2009)",
    "paragraphs 2 and 5 of its resolution 50/123, section II, paragraph 6, of resolution 62/232 A",
    "Economic and Social Council resolution 1997/2 and decision 1997/201; Commission on Human Rights resolution 2005/1",
    "resolutions 217 A (III), 2625 (XXV) and 3201 (S-VI); resolution ES-11/6; Council resolution 7/1",
    "relevant Human Rights Council resolutions, in particular resolutions 7/34 and 56/2, entitled “Rights”",
    "resolution 3/4 of 30 January 2018 of the United Nations Environment Assembly; decision 1/CP.21",
    "documents E/CN.9/1997/2., A/51/3 (Part I), A/77/6 (Sect. 26), A/76/299-S/2021/749 and A/CONF.171/13/Rev.1",
    "paragraph 3 above and the present resolution; resolution 50/123, paragraph 3",
]


def sources():
    """Every Markdown source the repository and the shared folder hold."""
    for folder in [ROOT / "content", ROOT / "tests" / "fixtures", SHARED / "corpus"]:
        yield from sorted(folder.rglob("*.md"))
    yield from sorted((SHARED / "corpus").rglob("*.txt"))


def generated(count=60):
    """A small generated archive: every body, sections, closing lines."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, str(SHARED / "tools" / "gen-corpus.py"),
             "--count", str(count), "--out", tmp, "--seed", "5"],
            check=True, stdout=subprocess.DEVNULL)
        return [p.read_bytes() for p in sorted(pathlib.Path(tmp).rglob("*.md"))]


# Addresses that try to leave the site, or to land where something is.
ADDRESSES = [
    "/", "/ga/76/10/", "/ga/atom.xml", "/A/RES/75/251-B/", "/S/RES/1325(2000)/",
    "/../x/", "//evil.example/", "/a//b/", "/a/./b/", "/%2e%2e/x/", "/a%2F..%2fb/",
    "/a\\..\\b/", "/a\0b/", "/a\nb/", "/index.html", "/sitemap.xml/", "/search/terms/1.json/",
    "ga/1/", "/" + "x" * 300 + "/", "/r%C3%A9solution/", "/.plenary-site", "/C:/x/",
]

# Documents the importer must refuse cleanly.
HOSTILE_XML = [
    '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;">]><a>&y;</a>',
    "",
    "<akomaNtoso/>",
    "<akomaNtoso><statement>" + "<hcontainer>" * 300 + "</hcontainer>" * 300 + "</statement></akomaNtoso>",
]


def write(target, data, limit=MAX):
    data = data[:limit]
    (OUT / target).mkdir(parents=True, exist_ok=True)
    (OUT / target / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main():
    files = [p.read_bytes() for p in sources()] + generated()
    for data in files + [s.encode() for s in STRUCTURES]:
        write("parse", data)
    paragraphs = set()
    for data in files:
        text = data.decode("utf-8", "replace")
        for para in re.split(r"\n\s*\n", text):
            if re.search(r"\d+/\d+|\(\d{4}\)|resolution", para):
                paragraphs.add(para.strip())
    for para in sorted(paragraphs) + PHRASES:
        write("recognise", para.encode())
    for address in ADDRESSES + built_addresses():
        write("output_path", address.encode())
    documents = sorted((ROOT / "tests" / "fixtures" / "akn").glob("*.xml"))
    documents += sorted((SHARED / "corpus" / "un-ga-74" / "English").glob("*.xml"))[:40]
    for doc in documents:
        write("import_akn", doc.read_bytes(), limit=None)
    for doc in HOSTILE_XML:
        write("import_akn", doc.encode(), limit=None)
    # What earlier fuzzing found beyond these seeds, kept in git packed.
    for packed in sorted((ROOT / "fuzz" / "found").glob("*.b64")):
        for line in packed.read_text().split():
            write(packed.stem, base64.b64decode(line), limit=None)


def built_addresses():
    """Every file of the bundled archive's site, as a site path."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["cargo", "run", "--quiet", "--release", "--", "build", "--output", tmp],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        return sorted("/" + str(p.relative_to(tmp)) for p in pathlib.Path(tmp).rglob("*") if p.is_file())


if __name__ == "__main__":
    main()
