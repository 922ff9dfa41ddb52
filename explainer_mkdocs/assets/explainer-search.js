// The search page: queries the site's Pagefind index (built after the site; see explainer_mkdocs/search.py).
// Pagefind's script, its WebAssembly and the index chunks a query needs load on the first search only.
// The query lives in the address (?q=...), so a search can be linked; nothing leaves the browser.
const form = document.querySelector("[data-ax-search]");
const input = form && form.querySelector("input[name=q]");
const status = document.getElementById("ax-search-status");
const list = document.getElementById("ax-search-results");
const PAGE = 10; // results shown at a time: each shown result loads its own small fragment of the index
let pagefind = null;
let latest = 0;
let pending = []; // the current query's results not shown yet
let shown = { term: "", n: 0 }; // the current query and its number of results
const more = document.createElement("button");
more.type = "button";
more.className = "md-button ax-search__more";
more.hidden = true;

function load() {
  if (!pagefind) {
    pagefind = import(new URL("../pagefind/pagefind.js", import.meta.url).href).then(async (module) => {
      await module.options({ excerptLength: 28 });
      module.init();
      return module;
    });
  }
  return pagefind;
}

// An excerpt is text with <mark> around the matched words: keep exactly that, build it as nodes.
function excerpt(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const p = document.createElement("p");
  p.className = "ax-search__excerpt";
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      p.append(mark);
    } else {
      p.append(document.createTextNode(node.textContent));
    }
  }
  return p;
}

function item(data) {
  const li = document.createElement("li");
  li.className = "ax-search__result";
  const a = document.createElement("a");
  a.href = data.url;
  a.textContent = (data.meta && data.meta.title) || data.url;
  li.append(a, excerpt(data.excerpt || ""));
  return li;
}

function remember(term) {
  const url = new URL(location.href);
  if (term) url.searchParams.set("q", term);
  else url.searchParams.delete("q");
  history.replaceState(history.state, "", url);
}

async function run(term, debounce) {
  const id = ++latest;
  term = term.trim();
  remember(term);
  if (!term) {
    pending = [];
    more.hidden = true;
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = "Searching…";
  const module = await load();
  const search = debounce ? await module.debouncedSearch(term, {}, 250) : await module.search(term);
  if (search === null || id !== latest) return; // a newer query took over
  pending = search.results.slice();
  list.replaceChildren();
  const n = search.results.length;
  await show(id);
  if (id !== latest) return;
  shown = { term, n };
  tell();
}

// The polite status line: how many pages match, and how many are on screen.
function tell() {
  const { term, n } = shown;
  status.textContent = n === 0 ? `No pages match “${term}”.`
    : `${n} ${n === 1 ? "page matches" : "pages match"} “${term}”${n > PAGE ? `; ${list.children.length} shown` : ""}.`;
}

async function show(id) {
  const batch = pending.splice(0, PAGE);
  const found = await Promise.all(batch.map((r) => r.data()));
  if (id !== latest) return;
  list.append(...found.map(item));
  more.hidden = pending.length === 0;
  more.textContent = `Show ${Math.min(PAGE, pending.length)} more`;
}

if (form && input && status && list) {
  list.after(more);
  more.addEventListener("click", async () => {
    const first = list.children.length;
    await show(latest);
    tell();
    const next = list.children[first] && list.children[first].querySelector("a");
    if (next) next.focus(); // keyboard and screen-reader users land on the first new result
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(input.value, false);
  });
  input.addEventListener("input", () => run(input.value, true));
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial, false);
  }
}
