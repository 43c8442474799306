// Measures what one search costs a reader: for each query, run through the
// search page in headless Chromium, the requests made and the bytes
// received, split into index files (/search/…) and the result pages read
// to find the matching paragraph. Run by bench/search.sh.
//
// Usage: node bench/search-bytes.mjs SITE_URL GA_SYMBOL SC_NUMBER
import { createRequire } from "node:module";

const require = createRequire(new URL("../tests/browser/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const [site, gaSymbol, scNumber] = process.argv.slice(2);
const queries = [
  { q: "development" },
  { q: "international migration" },
  { q: "cote d'ivoire climate" },
  { q: "development", body: "sc" },
  { q: gaSymbol },
  { q: scNumber },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
console.log(`${"query".padEnd(34)} ${"hits".padStart(6)} ${"index req".padStart(9)} ${"index KB".padStart(9)} ${"pages req".padStart(9)} ${"pages KB".padStart(9)}`);
for (const query of queries) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site + "search/", { waitUntil: "networkidle" });
  const seen = { index: [0, 0], pages: [0, 0] };
  page.on("response", async (response) => {
    const url = response.url();
    const kind = url.includes("/search/") && url.endsWith(".json") ? "index" : "pages";
    const body = await response.body().catch(() => Buffer.alloc(0));
    seen[kind][0] += 1;
    seen[kind][1] += body.length;
  });
  // meta.json was read when the page loaded; count it with the index.
  const meta = await page.evaluate(async (u) => (await fetch(u, { cache: "force-cache" })).text(), site + "search/meta.json");
  const metaBytes = meta.length;
  await page.fill("#q", query.q);
  if (query.body) {
    await page.selectOption("#body", query.body);
  }
  await page.press("#q", "Enter");
  // Done when every shown result has its paragraph, or the page went to
  // the resolution a symbol names.
  await page.waitForFunction(
    () => !location.pathname.endsWith("/search/") || document.getElementById("search-results")?.dataset.done === "true",
    null,
    { timeout: 120000 },
  ).catch(() => {});
  await page.waitForLoadState("load");
  const status = await page.locator("#search-status").textContent().catch(() => "(went to the resolution)");
  const hits = (status.match(/^(\d+)/) ?? [, status.startsWith("Going") || !page.url().includes("/search/") ? "jump" : "0"])[1];
  const label = query.q + (query.body ? ` [body=${query.body}]` : "");
  const kb = (n) => (n / 1024).toFixed(1).padStart(9);
  console.log(`${label.padEnd(34)} ${String(hits).padStart(6)} ${String(seen.index[0] + 1).padStart(9)} ${kb(seen.index[1] + metaBytes)} ${String(seen.pages[0]).padStart(9)} ${kb(seen.pages[1])}`);
  await context.close();
}
await browser.close();
