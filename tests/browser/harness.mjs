// What the browser checks share: the list of failures, and axe-core over
// the pages of a site in the light and the dark colour scheme.
import { createRequire } from "node:module";

export const failures = [];
export const fail = (what) => {
  failures.push(what);
  console.error(`FAIL ${what}`);
};

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

// `ready(page, path)` waits for what a page fills in after loading.
export async function accessibility(browser, site, paths, fail, ready = async () => {}) {
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(site + path, { waitUntil: "load" });
      await ready(page, path);
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

// The results shown, once each has been quoted (results are quoted as
// they come near the screen, so each is scrolled to).
export async function results(page) {
  await page.waitForSelector("#search-results[data-done]", { state: "attached", timeout: 10000 });
  const count = await page.locator(".search-result").count();
  for (let i = 0; i < count; i++) {
    const li = page.locator(".search-result").nth(i);
    if (await li.getAttribute("data-url") !== null || await li.getAttribute("data-quoted") !== null) {
      await li.scrollIntoViewIfNeeded();
      await page.locator(`.search-result:nth-child(${i + 1})[data-quoted]`).waitFor({ state: "attached", timeout: 10000 });
    }
  }
  return page.$$eval(".search-result", (items) => items.map((li) => ({
    symbol: li.querySelector(".search-title a").textContent,
    url: li.querySelector(".search-title a").getAttribute("href"),
    details: li.querySelector(".details").textContent,
    paragraph: li.querySelector(".search-paragraph a")?.getAttribute("href") ?? null,
    quoted: li.querySelector(".search-paragraph")?.textContent ?? "",
    marks: Array.from(li.querySelectorAll("mark")).map((m) => m.textContent.toLowerCase()),
  })));
}
