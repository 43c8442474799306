// Screenshots of the pages a newcomer sees first — the home page, a
// resolution page (its head, and numbered paragraphs) and search results — at phone (390 px) and desktop
// (1280 px) widths, in light and dark mode, for review in docs/screenshots/.
//
// With SET `languages`, of a site with the six languages instead: 74/10 in
// Arabic and in Chinese (which needs a CJK font, such as Debian's
// fonts-wqy-zenhei) and the side-by-side view, at 1280 and 390 px.
//
// Usage: node screenshots.mjs SITE_URL OUT_DIR [PREFIX] [SET]
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [site, out, prefix = "", set = "first-pages"] = process.argv.slice(2);
if (!site || !out) {
  console.error("usage: node screenshots.mjs SITE_URL OUT_DIR [PREFIX] [SET]");
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const sets = {
  "first-pages": [
    ["home", ""],
    ["resolution", "ga/76/10/"],
    ["paragraphs", "ga/74/2/#op12"],
    ["search", "search/?q=universal+health+coverage"],
  ],
  languages: [
    ["arabic", "ar/ga/74/10/#op1"],
    ["chinese", "zh/ga/74/10/#op1"],
    ["side-by-side-en-ar", "compare/?r=/ga/74/10/&a=en&b=ar"],
    ["side-by-side-fr-zh", "compare/?r=/ga/74/10/&a=fr&b=zh"],
  ],
};
const pages = sets[set];
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
try {
  for (const [width, viewport] of Object.entries(widths)) {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const [what, path] of pages) {
        await page.goto(site + path, { waitUntil: "load" });
        if (what === "search") {
          // Results are quoted as they come on screen: scroll through.
          await page.waitForSelector("#search-results[data-done]", { state: "attached", timeout: 10000 });
          for (let y = 0; y < 6; y++) {
            await page.mouse.wheel(0, viewport.height);
            await page.waitForTimeout(300);
          }
          await page.evaluate(() => window.scrollTo(0, 0));
        }
        if (what.startsWith("side-by-side")) {
          await page.waitForSelector("#compare-table[data-done]", { state: "attached", timeout: 10000 });
        }
        const file = join(out, `${prefix}${what}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: what === "home" || what === "search" });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
