// The newsgraph reference reader: a list of articles with search, an
// article page whose verbatim text highlights the evidence of every
// statement, figure and agreement, and a page for each speaker. It talks to
// the API like any client: urql for queries, graphql-ws for the
// subscription that keeps pages live, types from graphql-codegen.
import { Client, fetchExchange, subscriptionExchange } from "@urql/core";
import { createClient as createWSClient } from "graphql-ws";
import {
  ArticleQuery, ArticlesQuery, EntityQuery, EntityStatementsQuery, EntityTopicsQuery,
  SearchArticlesQuery, StatementAddedSubscription,
} from "./operations";
import type { ReaderArticleQuery, ReaderSpanFragment } from "./gql/graphql";

const endpoint = new URL("/query", location.href);
const wsEndpoint = new URL(endpoint.href);
wsEndpoint.protocol = location.protocol === "https:" ? "wss:" : "ws:";
const ws = createWSClient({ url: wsEndpoint.href, lazy: false, retryAttempts: Infinity });

const client = new Client({
  url: endpoint.href,
  requestPolicy: "network-only",
  exchanges: [
    fetchExchange,
    subscriptionExchange({
      forwardSubscription(request) {
        const input = { ...request, query: request.query || "" };
        return {
          subscribe(sink) {
            return { unsubscribe: ws.subscribe(input, sink) };
          },
        };
      },
    }),
  ],
});

const app = document.getElementById("app")!;

// h builds an element with attributes and children.
function h(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

function link(href: string, text: string): HTMLElement {
  return h("a", { href }, text);
}

function showError(message: string) {
  app.replaceChildren(h("p", { class: "error" }, message), link("#/", "All articles"));
}

// ---- the article list ----------------------------------------------------

async function listPage(query: string) {
  const input = h("input", { type: "search", placeholder: "Search articles (typos are fine)", "aria-label": "Search articles" }) as HTMLInputElement;
  input.value = query;
  const list = h("ul", { class: "articles" });
  const form = h("form", { role: "search" }, input);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = input.value.trim() ? "#/?q=" + encodeURIComponent(input.value.trim()) : "#/";
  });
  app.replaceChildren(h("h1", {}, "Articles"), form, list);

  type Item = { slug: string; title?: string | null; lede?: string | null; published?: { text: string } | null };
  let items: Item[] = [];
  if (query) {
    const res = await client.query(SearchArticlesQuery, { query }).toPromise();
    if (res.error) return showError(res.error.message);
    for (const e of res.data?.search.edges ?? []) {
      if (e.node.__typename === "Article") items.push({ ...e.node, lede: e.snippet.text });
    }
  } else {
    const res = await client.query(ArticlesQuery, { first: 50 }).toPromise();
    if (res.error) return showError(res.error.message);
    items = res.data?.articles.nodes ?? [];
  }
  if (items.length === 0) list.append(h("li", {}, "No article matches."));
  for (const a of items) {
    list.append(h("li", { class: "article" },
      link("#/article/" + encodeURIComponent(a.slug), a.title ?? a.slug),
      h("span", { class: "date" }, a.published?.text ?? ""),
      h("p", {}, a.lede ?? "")));
  }
}

// ---- the article page ----------------------------------------------------

type Article = NonNullable<ReaderArticleQuery["article"]>;
type Kind = "statement" | "figure" | "agreement";

// Fact is one highlighted item: a statement, figure or agreement.
interface Fact {
  id: string;
  kind: Kind;
  label: string;
  details: (Node | string)[];
  evidence: ReaderSpanFragment[];
}

function speakerOf(s: Article["statements"]["nodes"][number]): Node | string {
  const sp = s.speaker;
  switch (sp.__typename) {
    case "Person": return link("#/entity/" + sp.slug, sp.displayName);
    case "Organization": return link("#/entity/" + sp.slug, sp.name);
    case "UnnamedSpeaker": return sp.description + (sp.organization ? ` (${sp.organization.name})` : "");
  }
  return "";
}

function factsOf(a: Article): Fact[] {
  const facts: Fact[] = [];
  for (const s of a.statements.nodes) {
    const speaker = speakerOf(s);
    facts.push({
      id: s.id, kind: "statement", evidence: s.evidence,
      label: `${typeof speaker === "string" ? speaker : speaker.textContent} ${s.verb.toLowerCase().replace(/_/g, " ")}`,
      details: [h("b", {}, "Speaker: "), speaker, s.speakerRole ? `, ${s.speakerRole}` : "",
        h("br"), h("b", {}, "Verb: "), s.verb.toLowerCase().replace(/_/g, " "), h("br"), s.content],
    });
  }
  for (const f of a.figures.nodes) {
    facts.push({
      id: f.id, kind: "figure", evidence: f.evidence, label: `${f.metric}: ${f.display}`,
      details: [h("b", {}, "Value: "), f.value ?? f.display, ` ${f.unit.toLowerCase()}${f.currency ? " " + f.currency : ""}`,
        h("br"), h("b", {}, "Period: "), f.period?.text ?? "—", h("br"), h("b", {}, "Base: "), f.comparedWith?.text ?? "—",
        h("br"), h("b", {}, "About: "), link("#/entity/" + f.subject.slug, f.subject.name)],
    });
  }
  for (const g of a.agreements.nodes) {
    const parties: (Node | string)[] = [];
    g.parties.forEach((p, i) => parties.push(i ? ", " : "", link("#/entity/" + p.entity.slug, p.entity.name), ` (${p.role.toLowerCase()})`));
    facts.push({
      id: g.id, kind: "agreement", evidence: g.evidence, label: g.name,
      details: [h("b", {}, "Kind: "), g.kind.toLowerCase().replace(/_/g, " "), h("br"), h("b", {}, "Parties: "), ...parties],
    });
  }
  return facts;
}

// markParagraph returns the paragraph's text with each span of evidence
// wrapped in a mark. Spans are UTF-16 offsets, as String.slice counts;
// where spans overlap, the text is split at every boundary and each piece
// is marked for every fact that covers it.
function markParagraph(text: string, spans: { start: number; end: number; fact: Fact }[]): Node[] {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((x, y) => x - y);
  const out: Node[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const covering = spans.filter((s) => s.start <= from && to <= s.end).map((s) => s.fact);
    if (covering.length === 0) { out.push(document.createTextNode(piece)); continue; }
    const mark = h("mark", {
      class: "hl " + covering.map((f) => f.kind).join(" "),
      "data-facts": covering.map((f) => f.id).join(" "),
      title: covering.map((f) => f.label).join("\n"),
      tabindex: "0",
    }, piece);
    out.push(mark);
  }
  return out;
}

async function articlePage(slug: string) {
  const res = await client.query(ArticleQuery, { slug }).toPromise();
  if (res.error) return showError(res.error.message);
  const a = res.data?.article;
  if (!a) return showError(`No article "${slug}".`);
  const facts = factsOf(a);
  const byParagraph = new Map<string, { start: number; end: number; fact: Fact }[]>();
  for (const f of facts) {
    for (const e of f.evidence) {
      const list = byParagraph.get(e.paragraph.id) ?? [];
      list.push({ start: e.startUtf16, end: e.endUtf16, fact: f });
      byParagraph.set(e.paragraph.id, list);
    }
  }
  const text = h("article", { class: "text" });
  for (const p of a.paragraphs) {
    if (p.kind === "TITLE") continue;
    text.append(h(p.kind === "LEDE" ? "p" : "p", { class: p.kind.toLowerCase(), id: "p-" + p.id },
      ...markParagraph(p.text, byParagraph.get(p.id) ?? [])));
  }
  const detail = h("div", { class: "detail", "aria-live": "polite" }, "Select a highlight or an item below.");
  const panel = h("aside", { class: "panel" }, h("h2", {}, "In this article"), detail);
  const select = (f: Fact) => {
    detail.replaceChildren(h("h3", { class: f.kind }, f.label), ...f.details);
    for (const m of text.querySelectorAll("mark.selected")) m.classList.remove("selected");
    const marks = [...text.querySelectorAll<HTMLElement>("mark")].filter((m) => m.dataset.facts?.split(" ").includes(f.id));
    for (const m of marks) m.classList.add("selected");
    marks[0]?.scrollIntoView({ block: "center", behavior: "smooth" });
  };
  for (const kind of ["statement", "figure", "agreement"] as Kind[]) {
    const items = facts.filter((f) => f.kind === kind);
    if (items.length === 0) continue;
    const ul = h("ul", { class: "facts" });
    for (const f of items) {
      const b = h("button", { type: "button", class: f.kind }, f.label);
      b.addEventListener("click", () => select(f));
      ul.append(h("li", {}, b));
    }
    panel.append(h("h3", {}, `${kind[0].toUpperCase()}${kind.slice(1)}s (${items.length})`), ul);
  }
  text.addEventListener("click", (e) => {
    const mark = (e.target as HTMLElement).closest("mark");
    const id = mark?.getAttribute("data-facts")?.split(" ")[0];
    const f = facts.find((x) => x.id === id);
    if (f) select(f);
  });
  app.replaceChildren(link("#/", "← All articles"), h("h1", {}, a.title ?? a.slug),
    h("p", { class: "date" }, a.published?.text ?? ""), h("div", { class: "columns" }, text, panel));
}

// ---- the person / organization page -------------------------------------

async function entityPage(slug: string) {
  const res = await client.query(EntityQuery, { slug }).toPromise();
  if (res.error) return showError(res.error.message);
  const e = res.data?.entity;
  if (!e) return showError(`No one is known as "${slug}".`);
  const name = e.__typename === "Person" ? e.displayName : e.name;
  const list = h("ol", { class: "statements" });
  const more = h("button", { type: "button" }, "More statements");
  const count = h("p", { class: "count" });
  const chart = h("figure", { class: "chart" });
  app.replaceChildren(link("#/", "← All articles"), h("h1", {}, name), count, chart, h("h2", {}, "Statements, newest first"), list, more);

  let after: string | null = null;
  const page = async () => {
    const r = await client.query(EntityStatementsQuery, { speaker: e.id, first: 10, after }).toPromise();
    if (r.error) return showError(r.error.message);
    const c = r.data!.statements;
    count.textContent = `${c.totalCount} statement${c.totalCount === 1 ? "" : "s"}`;
    for (const s of c.nodes) {
      list.append(h("li", { "data-id": s.id },
        h("q", {}, s.content), " — ", s.verb.toLowerCase().replace(/_/g, " "), ", in ",
        link("#/article/" + s.article.slug, s.article.title ?? s.article.slug), ` (${s.article.published?.text ?? "undated"})`));
    }
    after = c.pageInfo.endCursor ?? null;
    more.hidden = !c.pageInfo.hasNextPage;
  };
  more.addEventListener("click", page);
  await page();
  const t = await client.query(EntityTopicsQuery, { speaker: e.id }).toPromise();
  const counts = new Map<string, number>();
  for (const s of t.data?.statements.nodes ?? []) for (const tp of s.topics) counts.set(tp.label, (counts.get(tp.label) ?? 0) + 1);
  chart.replaceChildren(barChart("Statements per topic", [...counts].sort((x, y) => y[1] - x[1]).slice(0, 8)));
}

// barChart draws horizontal bars as SVG.
function barChart(title: string, rows: [string, number][]): Node {
  const ns = "http://www.w3.org/2000/svg";
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 400 ${rows.length * 22 + 4}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", title);
  rows.forEach(([label, n], i) => {
    const y = i * 22 + 2;
    const text = document.createElementNS(ns, "text");
    text.setAttribute("x", "0"); text.setAttribute("y", String(y + 14));
    text.textContent = label;
    const bar = document.createElementNS(ns, "rect");
    bar.setAttribute("x", "170"); bar.setAttribute("y", String(y + 2));
    bar.setAttribute("width", String((n / max) * 200)); bar.setAttribute("height", "16");
    const value = document.createElementNS(ns, "text");
    value.setAttribute("x", String(175 + (n / max) * 200)); value.setAttribute("y", String(y + 14));
    value.textContent = String(n);
    svg.append(text, bar, value);
  });
  return h("div", {}, h("figcaption", {}, title), svg);
}

// ---- routing and live updates --------------------------------------------

let current = "";

async function route() {
  const hash = location.hash || "#/";
  current = hash;
  document.body.dataset.ready = "false";
  const [path, search] = hash.slice(1).split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "article" && parts[1]) await articlePage(parts[1]);
  else if (parts[0] === "entity" && parts[1]) await entityPage(parts[1]);
  else await listPage(new URLSearchParams(search ?? "").get("q") ?? "");
  document.body.dataset.ready = "true";
}

// A statement added through the API shows without a reload: the page it
// belongs on is drawn again.
client.subscription(StatementAddedSubscription, {}).subscribe((r) => {
  const s = r.data?.statementAdded;
  if (!s) return;
  const here = current;
  const onArticle = here.startsWith("#/article/" + s.article.slug);
  if (onArticle || here.startsWith("#/entity/")) void route();
});
ws.on("connected", () => { document.body.dataset.live = "true"; });

window.addEventListener("hashchange", route);
void route();
