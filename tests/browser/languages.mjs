// Checks a site of resolutions in several languages in headless Chromium:
//   - axe-core finds no violations on a page in Arabic (right to left), one
//     in Chinese and the side-by-side view, light and dark;
//   - the side-by-side view lines two versions up by paragraph, each cell
//     marked with its language and direction;
//   - following a language link keeps the paragraph being read (#op3);
//   - each language's search page searches its own texts, in its words:
//     Arabic without the hamza the text writes, a Chinese run of
//     characters, a French form the text lacks.
//
// Usage: node languages.mjs SITE_URL
// SITE_URL serves the 74th session's 74/10 in the six languages.
import { chromium } from "playwright-core";
import { accessibility, fail, failures, results } from "./harness.mjs";

const [site] = process.argv.slice(2);
if (!site) {
  console.error("usage: node languages.mjs SITE_URL");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const compare = "compare/?r=/six/ga/74/10/&a=en&b=ar";

async function sideBySide(page) {
  await page.waitForSelector("#compare-table[data-done]", { state: "attached", timeout: 10000 });
}

try {
  const searches = ["ar/search/?q=" + encodeURIComponent("الامم"), "zh/search/?q=" + encodeURIComponent("巴勒斯坦人民")];
  await accessibility(browser, site, ["ar/ga/74/10/", "zh/ga/74/10/", compare, ...searches], fail, async (page, path) => {
    if (path.startsWith("compare/")) await sideBySide(page);
    if (path.includes("search/")) await results(page);
  });

  const page = await browser.newPage();
  await page.goto(site + compare, { waitUntil: "load" });
  await sideBySide(page);
  const rows = await page.locator("#compare-table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector("th").textContent, ...[...tr.querySelectorAll("td")].map((td) => `${td.lang}/${td.dir}/${td.textContent.trim() ? "text" : "empty"}`)]),
  );
  const english = await page.evaluate(async (url) => {
    const html = await (await fetch(url)).text();
    const doc = new DOMParser().parseFromString(html, "text/html");
    return [...doc.querySelectorAll("article .para[id]")].map((p) => p.id);
  }, site + "ga/74/10/");
  const ids = rows.map((r) => r[0]);
  if (english.some((id) => !ids.includes(id))) fail(`side by side: rows ${ids.join(",")} miss some of ${english.join(",")}`);
  if (rows.some((r) => r[1] !== "en/ltr/text" || !r[2].startsWith("ar/rtl"))) fail(`side by side: cells ${JSON.stringify(rows.slice(0, 3))}`);
  console.log(`side by side en|ar: ${rows.length} rows, ${english.length} paragraphs in the English`);

  // A page set right to left is as wide as the window: nothing placed far
  // to the left makes it scroll there (the Arabic page once opened blank).
  await page.goto(site + "ar/ga/74/10/", { waitUntil: "load" });
  const width = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  if (width[0] > width[1]) fail(`the Arabic page is ${width[0]} px wide in a window of ${width[1]}`);
  else console.log(`the Arabic page fits its window (${width[0]} px)`);

  // The paragraph being read stays in view across languages.
  await page.goto(site + "ga/74/10/#op3", { waitUntil: "load" });
  await page.click('nav.languages a[hreflang="fr"]');
  await page.waitForURL(/\/fr\/ga\/74\/10\/#op3$/, { timeout: 5000 }).catch(() => {});
  if (!page.url().endsWith("/fr/ga/74/10/#op3")) fail(`language link lost the paragraph: ${page.url()}`);
  else console.log(`language link keeps the paragraph: ${page.url()}`);
  // Each language searches its own index, and says so in its words.
  const said = { ar: "قرار", zh: "决议", fr: "résolution" };
  for (const [code, query, mark] of [["ar", "الامم", "الأمم"], ["zh", "巴勒斯坦人民", "巴勒斯坦人民"], ["fr", "palestiniennes", null]]) {
    await page.goto(`${site}${code}/ga/74/10/`, { waitUntil: "load" });
    await page.fill("#site-q", query);
    await page.press("#site-q", "Enter");
    await page.waitForURL(new RegExp(`/${code}/search/\\?q=`), { timeout: 5000 }).catch(() => {});
    const hits = await results(page);
    const status = await page.locator("#search-status").textContent();
    const lang = await page.evaluate(() => document.documentElement.lang);
    const ten = hits.find((h) => h.url.endsWith(`/${code}/ga/74/10/`));
    if (lang !== code || !page.url().includes(`/${code}/search/`)) fail(`search from the ${code} page went to ${page.url()} (lang ${lang})`);
    else if (!ten || hits.some((h) => !h.url.includes(`/${code}/ga/`))) fail(`${code} search “${query}”: ${JSON.stringify(hits)}`);
    else if (!status.includes(said[code])) fail(`${code} search says “${status}”`);
    else if (mark && !ten.marks.some((m) => m.includes(mark))) fail(`${code} search marks ${JSON.stringify(ten.marks)}, not ${mark}`);
    else console.log(`search in ${code} for “${query}”: ${hits.length} results, all in ${code}; “${status}”; marked ${JSON.stringify(ten.marks.slice(0, 2))}`);
  }
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(`${failures.length} failures`);
  process.exit(1);
}
