// Browser tests of the reader and the playground, in Debian's Chromium
// driven by playwright-core. TestBrowser (browser_test.go) starts a server
// over a fresh database and runs:
//
//	node run.mjs BASE_URL API_TOKEN SCREENSHOT_DIR
//
// Every request the pages make to another origin is refused and fails the
// run: both must work offline. Screenshots of each page land in
// SCREENSHOT_DIR. The exit status is 0 when every check passes.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const [base, token, shots] = process.argv.slice(2);
if (!base || !token || !shots) {
  console.error("usage: node run.mjs BASE_URL API_TOKEN SCREENSHOT_DIR");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const origin = new URL(base).origin;
const timeout = 15_000;

// gql sends a GraphQL request from Node, as a script would.
async function gql(query, variables = {}, auth = false) {
  const res = await fetch(base + "/query", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(auth ? { Authorization: "Bearer " + token } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function check(ok, message) {
  if (!ok) throw new Error(message);
  console.log("ok   " + message);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const foreign = [];
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.route("**/*", (route) => {
  const url = new URL(route.request().url());
  if (url.origin === origin || url.protocol === "data:") return route.continue();
  foreign.push(url.href);
  return route.abort();
});
const page = await context.newPage();
const consoleErrors = [];
page.on("pageerror", (e) => consoleErrors.push(String(e)));
const ready = () => page.waitForSelector("body[data-ready=true]", { timeout });
// follow runs an action that changes the reader's route and waits for the
// new page: the route is changed by a hashchange event that fires after the
// action returns, so the old page's ready flag is cleared first, or ready
// could see the old page.
const follow = async (action) => {
  await page.evaluate(() => { document.body.dataset.ready = "stale"; });
  await action();
  await ready();
};

try {
  // The list: both seed articles.
  const { articles } = await gql(`{ articles(first: 10) { nodes { slug } } }`);
  check(articles.nodes.length === 2, `the API has the 2 seed articles (got ${articles.nodes.length})`);
  await page.goto(base + "/reader/");
  await ready();
  const listed = await page.$$eval("li.article a", (as) => as.map((a) => decodeURIComponent(a.getAttribute("href"))));
  for (const a of articles.nodes) check(listed.includes("#/article/" + a.slug), `the reader lists ${a.slug}`);
  await page.screenshot({ path: join(shots, "reader-articles.png"), fullPage: true });

  // Search: "productive forces" finds the article that speaks of them.
  await page.fill("input[type=search]", "productive forces");
  await follow(() => page.press("input[type=search]", "Enter"));
  check(await page.evaluate(() => location.hash.startsWith("#/?q=")), "the search is in the address");
  const found = await page.$$eval("li.article a", (as) => as.map((a) => a.getAttribute("href")));
  check(found.includes("#/article/china-malaysia-high-tech-collaboration-new-quality-productive-forces"),
    `searching "productive forces" finds the article about them (${found})`);
  await page.screenshot({ path: join(shots, "reader-search.png"), fullPage: true });

  // The article with Malaysia's GDP growth; the highlight at its words.
  const slug = "china-malaysia-conference-industrial-innovation-common-prosperity";
  await page.goto(base + "/reader/");
  await ready();
  await follow(() => page.click(`li.article a[href="#/article/${slug}"]`));
  const gdp = page.locator("aside.panel button.figure", { hasText: "GDP growth: 5.1%" });
  await gdp.click();
  const marked = await page.$$eval("mark.selected", (ms) => ms.map((m) => m.textContent).join(""));
  const want = "In 2024, Malaysia's GDP grew by 5.1% compared with 2023";
  check(marked === want, `the GDP highlight covers exactly "${want}" (got "${marked}")`);
  const detail = await page.textContent("aside .detail");
  check(/Period: In 2024/.test(detail) && /Base: compared with 2023/.test(detail) && /5\.1/.test(detail),
    `the side panel shows the figure's value, period and base ("${detail}")`);
  const paragraph = await page.$eval("mark.selected", (m) => m.closest("p").textContent);
  check(paragraph.includes(want), "the highlight sits in the paragraph that says it");
  await page.screenshot({ path: join(shots, "reader-article.png"), fullPage: true });

  // Follow a speaker to their page.
  const statements = page.locator("aside.panel button.statement");
  const speakerLink = page.locator('aside .detail a[href^="#/entity/"]').first();
  for (let i = 0; i < await statements.count(); i++) {
    await statements.nth(i).click();
    if (await speakerLink.count() > 0) break;
  }
  const speakerName = (await speakerLink.textContent()).trim();
  const speakerSlug = decodeURIComponent((await speakerLink.getAttribute("href")).slice("#/entity/".length));
  await follow(() => speakerLink.click());
  check((await page.textContent("h1")).trim() === speakerName, `the speaker's page is titled ${speakerName}`);
  check(await page.$$eval("ol.statements li", (li) => li.length) > 0, "the speaker's page lists their statements");
  // An article older than the dated seed article, imported now (so it is
  // stored last), with a statement by the speaker: newest first lists it
  // after the dated seed article's statements and before the undated's.
  const other = "china-malaysia-high-tech-collaboration-new-quality-productive-forces";
  const { entity, article } = await gql(`query ($slug: String!, $article: String!) {
    entity(slug: $slug) { __typename id } article(slug: $article) { id published { iso } } }`, { slug: speakerSlug, article: other });
  check(article.published !== null, `the seed article ${other} is dated`);
  const kind = entity.__typename === "Person" ? "person" : "organization";
  const older = await gql(`mutation ($input: ImportArticleInput!) { importArticle(input: $input) { userErrors { message } } }`, {
    input: {
      document: JSON.stringify({
        article: { slug: "browser-test-older-article", source: "browser-test.txt", language: "en", title: "An older article",
          published: { text: "January 15, 2020", year: 2020, month: 1, day: 15 } },
        statements: [{ key: "older", speaker: { [kind]: speakerSlug }, verb: "said", mode: "paraphrase",
          content: "An older statement.", evidence: ["An older statement"] }],
      }),
      text: "# An older article\n\nJanuary 15, 2020\n\nAn older statement, the speaker said.\n",
    },
  }, true);
  check(older.importArticle.userErrors.length === 0, `importArticle succeeds (${JSON.stringify(older.importArticle.userErrors)})`);
  await page.reload();
  await ready();
  await page.waitForSelector('ol.statements li:has-text("An older statement.")', { timeout });
  const before = await page.$$eval("ol.statements li", (li) => li.length);
  // newestFirst checks that the page lists its statements by their
  // articles' publication dates, as each item shows it ("(April 18,
  // 2025)", "(undated)"), newest first, undated last.
  const newestFirst = async (what) => {
    const shown = await page.$$eval("ol.statements li", (li) => li.map((l) => /\(([^()]*)\)$/.exec(l.textContent.trim())?.[1]));
    const dates = shown.map((d) => (d === "undated" ? null : Date.parse(d)));
    const dated = dates.filter((d) => d !== null);
    const ordered = dates.every((d, i) => i === 0 || d === null || (dates[i - 1] !== null && dates[i - 1] >= d));
    check(ordered && dated.length > 0 && dated.length < dates.length && !dated.some(Number.isNaN),
      `the speaker's page lists ${what} newest first, undated last (${JSON.stringify(shown)})`);
  };
  await page.waitForSelector(".chart svg rect", { timeout });
  await page.screenshot({ path: join(shots, "reader-speaker.png"), fullPage: true });

  await newestFirst("the statements of an older and an undated article");

  // A statement created through the API appears without a reload: one
  // in the dated seed article, the newest, so that it comes first.
  await page.waitForSelector("body[data-live=true]", { timeout });
  await page.evaluate(() => { window.notReloaded = true; });
  const content = `A statement made by the browser test at ${new Date().toISOString()}.`;
  const created = await gql(`mutation ($input: CreateStatementInput!) {
    createStatement(input: $input) { statement { id } userErrors { message } } }`, {
    input: { article: article.id, statement: {
      speaker: { [kind]: entity.id }, verb: "SAID", mode: "PARAPHRASE", content,
      evidence: [{ text: "both nations have committed to expanding cooperation in high-tech industries" }] } },
  }, true);
  check(created.createStatement.statement && created.createStatement.userErrors.length === 0,
    `createStatement succeeds (${JSON.stringify(created.createStatement.userErrors)})`);
  await page.waitForSelector(`ol.statements li:has-text("${content}")`, { timeout });
  check(await page.evaluate(() => window.notReloaded === true), "the new statement appeared without a reload");
  const after = await page.$$eval("ol.statements li", (li) => li.length);
  check(after === before + 1, `the speaker's page lists ${after} statements; want ${before + 1}`);
  const firstItem = await page.textContent("ol.statements li:first-child");
  check(firstItem.includes(content), `the new statement, in the dated article, comes first ("${firstItem}")`);
  await newestFirst("the statements of three articles");
  await page.screenshot({ path: join(shots, "reader-live.png"), fullPage: true });

  // The playground, offline: it loads and runs a query.
  await page.goto(base + "/");
  await page.waitForSelector(".graphiql-execute-button", { timeout });
  await page.click(".graphiql-execute-button");
  await page.waitForFunction(() => /"title"/.test(document.querySelector(".graphiql-response")?.textContent ?? ""), null, { timeout });
  check(true, "the playground runs its default query and shows the answer");
  await page.screenshot({ path: join(shots, "playground.png") });

  check(foreign.length === 0, `no request left the server's origin (${foreign.join(", ")})`);
  check(consoleErrors.length === 0, `no script error (${consoleErrors.join("; ")})`);
} catch (e) {
  await page.screenshot({ path: join(shots, "failure.png"), fullPage: true }).catch(() => {});
  console.error("FAIL " + (e?.stack ?? e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
