// How much a search downloads and how soon it shows results, in headless
// Chromium, as a reader types each query into the search page (a key
// every 120 ms) on a fresh cache. Prints, per query, the bytes fetched
// from the first keystroke until the results on screen are quoted (index
// files and the pages read for quotes, not the search page itself), and
// the time from the last keystroke to the results being listed and to
// them being quoted, measured with the page's own clock.
//
// The download budget (1 MB a query) is checked: bytes do not depend on
// the machine. Times are printed, not checked (the machines are noisy).
//
// Usage: node search-timing.mjs SITE_URL LABEL QUERY...
import { chromium } from "playwright-core";

const [site, label, ...queries] = process.argv.slice(2);
if (!site || !label || queries.length === 0) {
  console.error("usage: node search-timing.mjs SITE_URL LABEL QUERY...");
  process.exit(2);
}
const BUDGET = 1_000_000;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic"],
});
let failed = 0;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const listedTimes = [];
const quotedTimes = [];
try {
  for (const query of queries) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site + "search/", { waitUntil: "load" });
    // From here on, every byte the search fetches counts.
    const bytes = [];
    page.on("response", async (r) => {
      const body = await r.body().catch(() => Buffer.alloc(0));
      bytes.push([r.url(), body.length]);
    });
    await page.evaluate((query) => {
      const box = document.getElementById("q");
      const list = document.getElementById("search-results");
      window.timing = { lastKey: 0, listed: 0 };
      box.addEventListener("input", () => { window.timing.lastKey = performance.now(); });
      new MutationObserver(() => {
        if (list.dataset.done && list.dataset.query === query && !window.timing.listed) {
          window.timing.listed = performance.now();
        }
      }).observe(list, { attributes: true });
    }, query);
    await page.locator("#q").pressSequentially(query, { delay: 120 });
    await page.waitForFunction((q) => window.timing.listed && document.getElementById("search-results").dataset.query === q,
      query, { timeout: 30000 });
    // The results on screen are quoted once their pages are read.
    await page.waitForFunction(() => {
      const waiting = Array.from(document.querySelectorAll(".search-result[data-url]:not([data-quoted])"));
      return waiting.every((li) => li.getBoundingClientRect().top >= window.innerHeight);
    }, null, { timeout: 30000 });
    const quoted = await page.evaluate(() => performance.now());
    const t = await page.evaluate(() => window.timing);
    await page.waitForTimeout(200);
    const total = bytes.reduce((sum, [, n]) => sum + n, 0);
    const hits = await page.textContent("#search-status");
    const listed = t.listed - t.lastKey;
    const shown = quoted - t.lastKey;
    listedTimes.push(listed);
    quotedTimes.push(shown);
    const files = bytes.length;
    console.log(`${label}: ${JSON.stringify(query)}: ${(total / 1e6).toFixed(3)} MB in ${files} files; `
      + `listed ${listed.toFixed(0)} ms, quoted ${shown.toFixed(0)} ms after the last key; ${hits}`);
    if (total > BUDGET) {
      failed++;
      const largest = bytes.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([u, n]) => `${n} ${u}`);
      console.error(`FAIL ${label}: ${JSON.stringify(query)} downloaded ${total} bytes (budget ${BUDGET}); largest:\n  ${largest.join("\n  ")}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(`${label}: median listed ${median(listedTimes).toFixed(0)} ms, quoted ${median(quotedTimes).toFixed(0)} ms after the last key (${queries.length} queries)`);
process.exit(failed > 0 ? 1 : 0);
