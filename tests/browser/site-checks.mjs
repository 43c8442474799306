// Checks a built site in headless Chromium, as readers use it:
//   - axe-core finds no accessibility violations on the home page, a
//     listing and a resolution page, in the light and the dark colour scheme;
//   - searches find what they should, filters narrow them, symbols jump;
//   - a redirect from a symbol address keeps the #fragment;
//   - following a paragraph's ¶ link copies a ready citation;
//   - screenshots of a resolution page at phone and desktop widths are kept
//     as PNG files for review (not compared).
//
// Usage: node site-checks.mjs SITE_URL SCREENSHOT_DIR
// SITE_URL is where the site is served (http://127.0.0.1:PORT/plenary/).
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [site, shots] = process.argv.slice(2);
if (!site || !shots) {
  console.error("usage: node site-checks.mjs SITE_URL SCREENSHOT_DIR");
  process.exit(2);
}
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const resolution = "ecosoc/1997/2/";
const failures = [];
const fail = (what) => {
  failures.push(what);
  console.error(`FAIL ${what}`);
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

async function accessibility() {
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    for (const path of ["", "ga/", resolution, "subjects/", "search/?q=development"]) {
      await page.goto(site + path, { waitUntil: "load" });
      if (path.startsWith("search/")) {
        await page.waitForSelector("#search-results[data-done]", { state: "attached", timeout: 10000 });
      }
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(() => window.axe.run(document));
      for (const v of result.violations) {
        const where = v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ");
        fail(`axe ${scheme} /${path}: ${v.id} (${v.impact}): ${v.help} at ${where}`);
      }
      console.log(`axe ${scheme} /${path}: ${result.passes.length} rules pass, ${result.violations.length} violations`);
    }
    await context.close();
  }
}

// Runs a search through the page's own form; returns the results shown:
// symbol, details line and the paragraph link of each.
async function searchFor(page, fields) {
  await page.goto(site + "search/", { waitUntil: "load" });
  for (const [name, value] of Object.entries(fields)) {
    if (name === "body" || name === "subject") {
      await page.selectOption(`#${name}`, value);
    } else {
      await page.fill(`#${name}`, value);
    }
  }
  await page.press("#q", "Enter");
  await page.waitForSelector("#search-results[data-done]", { state: "attached", timeout: 10000 });
  return page.$$eval(".search-result", (items) => items.map((li) => ({
    symbol: li.querySelector(".search-title a").textContent,
    details: li.querySelector(".details").textContent,
    paragraph: li.querySelector(".search-paragraph a")?.getAttribute("href") ?? null,
    marks: Array.from(li.querySelectorAll("mark")).map((m) => m.textContent.toLowerCase()),
  })));
}

function expect(what, ok, detail) {
  if (ok) {
    console.log(`search: ${what}`);
  } else {
    fail(`search: ${what}: ${JSON.stringify(detail)}`);
  }
}

async function search() {
  const page = await browser.newPage();
  let hits = await searchFor(page, { q: "international migration" });
  const reference = hits.find((h) => h.symbol === "E/RES/1997/2");
  expect(
    "words find the resolution and the paragraph holding them",
    reference !== undefined
      && /ecosoc\/1997\/2\/#(pp|op)[0-9]+$/.test(reference.paragraph)
      && hits.every((h) => h.marks.includes("international") && h.marks.includes("migration")),
    hits,
  );
  hits = await searchFor(page, { q: "peaceful" });
  const all = hits.map((h) => h.symbol);
  hits = await searchFor(page, { q: "peaceful", subject: "ukraine" });
  expect(
    "the subject filter narrows the hits",
    all.length > 1 && hits.length === 1 && hits[0].symbol === "A/RES/ES-11/6",
    { all, hits },
  );
  hits = await searchFor(page, { q: "resolution", body: "ga", from: "2022", to: "2023" });
  expect(
    "body and year filters hold",
    hits.length > 0 && hits.every((h) => /^General Assembly · 202[23]-/.test(h.details)),
    hits,
  );
  hits = await searchFor(page, { q: "qwertyuiop" });
  expect("a word no resolution has finds nothing", hits.length === 0, hits);
  for (const [typed, lands] of [["E/RES/1997/2", resolution], ["76/10", "ga/76/10/"]]) {
    await page.goto(site + "search/");
    await page.fill("#q", typed);
    await page.press("#q", "Enter");
    await page.waitForURL(site + lands, { timeout: 10000 }).catch(() => {});
    expect(`typing ${typed} goes to /${lands}`, page.url() === site + lands, page.url());
  }
  await page.close();
}

async function redirectKeepsFragment() {
  const page = await browser.newPage();
  await page.goto(site + "E/RES/1997/2/#op2");
  await page.waitForURL(site + resolution + "#op2", { timeout: 10000 }).catch(() => {});
  if (page.url() !== site + resolution + "#op2") {
    fail(`redirect from /E/RES/1997/2/#op2 ended at ${page.url()}`);
  } else {
    console.log("redirect: /E/RES/1997/2/#op2 -> /" + resolution + "#op2");
  }
  await page.close();
}

async function permalinkCopiesCitation() {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto(site + resolution);
  const link = page.locator("#op1 a.permalink");
  await link.hover();
  await link.click();
  const expected = `E/RES/1997/2, para. 1, ${site}${resolution}#op1`;
  await page.waitForFunction(
    (text) => document.getElementById("copy-status")?.textContent.endsWith(text),
    expected,
    { timeout: 5000 },
  ).catch(() => {});
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  if (copied !== expected) {
    fail(`the ¶ link of op1 copied ${JSON.stringify(copied)}, not ${JSON.stringify(expected)}`);
  } else {
    console.log(`citation copied: ${copied}`);
  }
  if (!page.url().endsWith("#op1")) {
    fail(`the ¶ link did not lead to #op1 (${page.url()})`);
  }
  await context.close();
}

async function screenshots() {
  mkdirSync(shots, { recursive: true });
  const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
  for (const [name, viewport] of Object.entries(sizes)) {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const [what, path] of [["resolution", resolution], ["home", ""]]) {
        await page.goto(site + path, { waitUntil: "load" });
        const file = join(shots, `${what}-${name}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`screenshot: ${file}`);
      }
      await context.close();
    }
  }
}

try {
  await accessibility();
  await search();
  await redirectKeepsFragment();
  await permalinkCopiesCitation();
  await screenshots();
} finally {
  await browser.close();
}
if (failures.length > 0) {
  console.error(`${failures.length} browser checks failed`);
  process.exit(1);
}
console.log("browser checks passed");
