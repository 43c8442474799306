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
import { join } from "node:path";
import { chromium } from "playwright-core";
import { accessibility as checkAxe, fail, failures, results } from "./harness.mjs";

const [site, shots] = process.argv.slice(2);
if (!site || !shots) {
  console.error("usage: node site-checks.mjs SITE_URL SCREENSHOT_DIR");
  process.exit(2);
}
const resolution = "ecosoc/1997/2/";

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
  const paths = ["", "ga/", resolution, "ga/74/307/", "subjects/", "ga/committees/third-committee/", "ga/74/agenda/", "ga/74/agenda/19/", "member-states/", "member-states/civ/", "search/?q=development"];
  await checkAxe(browser, site, paths, fail, async (page, path) => {
    if (path.startsWith("search/")) {
      await page.waitForSelector("#search-results[data-done]", { state: "attached", timeout: 10000 });
    }
  });
}

// Runs a search through the page's own form; returns the results shown:
// symbol, details line, the paragraph link and quote of each.
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
  await page.waitForFunction((q) => document.querySelector("#search-results").dataset.query === q,
    fields.q ?? "", { timeout: 10000 });
  return results(page);
}

function expect(what, ok, detail) {
  if (ok) {
    console.log(`search: ${what}`);
  } else {
    fail(`search: ${what}: ${JSON.stringify(detail)}`);
  }
}

const symbols = (hits) => hits.map((h) => h.symbol);

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
  expect(
    "quotes hold text only, no anchor names",
    hits.every((h) => h.quoted && !/fnref|\bpp\d|\bop\d/.test(h.quoted)),
    hits.map((h) => h.quoted),
  );
  hits = await searchFor(page, { q: "protecting" });
  const palestine = hits.find((h) => h.symbol === "A/RES/76/10");
  expect(
    "a word finds its other forms (protecting: protection in 76/10)",
    palestine !== undefined && palestine.marks.includes("protection"),
    hits,
  );
  const forms = await searchFor(page, { q: "protects" });
  expect(
    "a form no resolution uses finds the others (protects)",
    forms.length === hits.length && forms.length > 0,
    { protecting: symbols(hits), protects: symbols(forms) },
  );
  hits = await searchFor(page, { q: "universal health coverage" });
  expect(
    "the best match comes first (universal health coverage: 74/2, its title)",
    hits.length > 2 && hits[0].symbol === "A/RES/74/2",
    symbols(hits),
  );
  const loose = hits.length;
  hits = await searchFor(page, { q: '"social protection"' });
  expect(
    "a phrase in quotes finds it as a phrase, and quotes where",
    hits.length > 0 && hits.every((h) => /social protection/i.test(h.quoted)),
    hits.map((h) => [h.symbol, h.quoted]),
  );
  const curly = await searchFor(page, { q: "\u201csocial protection\u201d" });
  expect(
    "a phrase in typographic quotes is a phrase too",
    symbols(curly).join() === symbols(hits).join(),
    { straight: symbols(hits), curly: symbols(curly) },
  );
  // As typed, without Enter: the last word is read as a beginning.
  await page.goto(site + "search/", { waitUntil: "load" });
  await page.locator("#q").pressSequentially("vacc", { delay: 40 });
  await page.waitForFunction(() => document.querySelector("#search-results").dataset.query === "vacc",
    null, { timeout: 10000 });
  hits = await results(page);
  expect(
    "typing finds words beginning with what is typed (vacc: vaccines in 74/274)",
    hits.some((h) => h.symbol === "A/RES/74/274" && h.marks.some((m) => m.startsWith("vacc"))),
    hits,
  );
  hits = await searchFor(page, { q: "peaceful" });
  const all = symbols(hits);
  hits = await searchFor(page, { q: "peaceful", subject: "ukraine" });
  expect(
    "the subject filter narrows the hits",
    all.length > 1 && hits.length === 1 && hits[0].symbol === "A/RES/ES-11/6",
    { all, hits },
  );
  hits = await searchFor(page, { q: "resolution", body: "ga", from: "2022", to: "2023" });
  expect(
    "body and year filters hold",
    hits.length > 0 && hits.every((h) => /^General Assembly · \d+ \w+ 202[23]$/.test(h.details)),
    hits,
  );
  hits = await searchFor(page, { body: "ga" });
  const years = hits.map((h) => parseInt(h.details.slice(-4), 10));
  expect(
    "a filter alone lists what it selects, newest first",
    hits.length === 16 && hits.every((h) => h.details.startsWith("General Assembly"))
      && years.every((y, k) => k === 0 || years[k - 1] >= y),
    hits.map((h) => h.details),
  );
  hits = await searchFor(page, { q: "qwertyuiop" });
  expect("a word no resolution has finds nothing", hits.length === 0, hits);
  const forms76 = ["76/10", "A/RES/76/10", "resolution 76/10", " 76 / 10 ", "General Assembly resolution 76/10"];
  for (const [typed, lands] of [["E/RES/1997/2", resolution], ["A/RES/ES\u201111/6", "ga/es-11/6/"],
    ...forms76.map((f) => [f, "ga/76/10/"])]) {
    await page.goto(site + "search/");
    await page.fill("#q", typed);
    await page.press("#q", "Enter");
    await page.waitForURL(site + lands, { timeout: 10000 }).catch(() => {});
    expect(`typing ${JSON.stringify(typed)} goes to /${lands}`, page.url() === site + lands, page.url());
  }
  await page.goto(site + "search/?q=76%2F10", { waitUntil: "load" });
  await page.waitForURL(site + "ga/76/10/", { timeout: 10000 }).catch(() => {});
  expect("/search/?q=76/10 goes to the resolution", page.url() === site + "ga/76/10/", page.url());

  // The header's box, on every page but the search page itself.
  await page.goto(site, { waitUntil: "load" });
  await page.fill("#site-q", "health");
  await page.press("#site-q", "Enter");
  await page.waitForURL(/search\/\?q=health$/, { timeout: 10000 }).catch(() => {});
  hits = await results(page);
  expect("the header's search box searches from the home page", hits.length > 3, page.url());

  // History: Back shows the search before; a result followed by Back
  // shows the results again.
  await searchFor(page, { q: "health" });
  await page.fill("#q", "water");
  await page.press("#q", "Enter");
  await page.waitForFunction(() => document.querySelector("#search-results").dataset.query === "water");
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("#search-results").dataset.query === "health",
    null, { timeout: 10000 }).catch(() => {});
  const back = { q: await page.inputValue("#q"), url: page.url(), n: (await results(page)).length };
  expect("Back shows the search before", back.q === "health" && /q=health$/.test(back.url) && back.n > 3, back);
  await page.click(".search-result .search-title a");
  await page.waitForURL((u) => !u.pathname.endsWith("/search/"), { timeout: 10000 });
  await page.goBack();
  await page.waitForSelector(".search-result", { timeout: 10000 }).catch(() => {});
  const again = { url: page.url(), n: await page.locator(".search-result").count(), q: await page.inputValue("#q") };
  expect("a result followed by Back shows the results again", again.n > 3 && again.q === "health", again);
  await page.close();
  return loose;
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
