/* mkdocs-design: filter (status, team folder, text) and sort the catalog pages, with the
   state in the URL (?status=&folder=&text=&sort=&order=). Without it the pages are complete. */
(() => {
  "use strict";
  if (window.mkdocsDesignFilter) return;  // Material's instant navigation reruns page scripts
  window.mkdocsDesignFilter = true;

  const NOUNS = { overview: "designs", components: "components", questions: "questions" };
  const words = (value) => (value || "").toLowerCase().split(/\s+/).filter(Boolean);
  const make = (tag, attrs, text) => {
    const node = document.createElement(tag);
    for (const key in attrs) node.setAttribute(key, attrs[key]);
    node.textContent = text || "";
    return node;
  };

  // A unit (a row; a design's heading, paragraph and list) hides as a whole, its items (the row;
  // the questions) one by one. Units without a marker ignore status and folder.
  const unit = (parts, items, marker, heading) => ({ parts, marker, heading,
    items: items.map((el) => ({ el, text: el.textContent.toLowerCase() })) });

  function questionUnits(nodes) {
    const units = [];
    nodes.forEach((h2, i) => {
      if (h2.tagName !== "H2") return;
      let end = i + 1;
      while (nodes[end] && !/^H[12]$/.test(nodes[end].tagName)) end++;
      const parts = nodes.slice(i, end);
      const lists = parts.filter((p) => /^[OU]L$/.test(p.tagName));
      const items = [].concat(...lists.map((list) => [...list.children]));
      const marker = parts.map((p) => p.querySelector(".design-row")).find(Boolean);
      if (items.length) units.push(unit(parts, items, marker, h2.textContent.toLowerCase()));
    });
    return units;
  }

  // The site's statuses in lifecycle order, [[css id, name], ...], from its configuration.
  const lifecycle = (box) => JSON.parse(box.dataset.designStatuses || "[]");

  // The words, when the page is not in English (labels.yml): {status, allStatuses, team,
  // allTeams, topLevel, text, textHint, count: {one, other, ...}, lang}.
  function wording(box, noun) {
    const own = JSON.parse(box.dataset.designLabels || "null");
    if (!own) {
      return { status: "Status", allStatuses: "All statuses", team: "Team", allTeams: "All teams",
        topLevel: "(top level)", text: "Filter text", textHint: `Filter ${noun} by text`,
        count: (shown, total) => `${shown} of ${total} ${total === 1 ? noun.slice(0, -1) : noun}` };
    }
    let rules;
    try { rules = new Intl.PluralRules(own.lang); } catch (e) { rules = new Intl.PluralRules(); }
    const forms = own.count || {};
    return Object.assign({}, own, { count: (shown, total) => (forms[rules.select(total)]
      || forms.other || "").replace("{shown}", shown).replace("{total}", total) });
  }

  function sortKey(cell, ids) {
    const badge = cell && cell.querySelector(".design-badge");
    if (badge) {  // a status sorts by its place in the lifecycle, unknown ones last
      const id = [...badge.classList].map((c) => c.replace(/^design-badge--/, ""))
        .find((c) => ids.includes(c));
      return id === undefined ? ids.length : ids.indexOf(id);
    }
    if (cell && cell.dataset.sort) return +cell.dataset.sort;  // "4/16", "unwritten"
    const text = cell ? cell.textContent.trim() : "";
    if (!/^-?\d+(\.\d+)?(\/\d+)?$/.test(text)) return text;
    const [value, of] = text.split("/");  // "4/16" sorts by its ratio
    return value / (+of || 1);
  }

  const compare = (a, b) => (typeof a === "number" && typeof b === "number" ? a - b
    : String(a).localeCompare(b, undefined, { numeric: true, sensitivity: "base" }));

  function select(name, label, all, values, show) {
    const control = make("select", { class: `design-filter__${name}` });
    control.append(make("option", { value: "" }, all),
      ...values.map((v) => make("option", { value: v }, show(v))));
    const field = make("label", { class: "design-filter__field" }, label);
    field.append(control);
    return control;
  }

  // The rows (or question groups) a filter box acts on: its following siblings, up to the next box.
  function find(box, noun) {
    const nodes = [];
    for (let n = box.nextElementSibling; n && !n.matches(".design-filter"); n = n.nextElementSibling)
      nodes.push(n);
    if (noun === "questions") return { rows: [], units: questionUnits(nodes) };
    const table = nodes.map((n) => (n.matches("table") ? n : n.querySelector("table")))
      .find(Boolean);
    const rows = table && table.tBodies[0] ? [...table.tBodies[0].rows] : [];
    const units = rows.map((tr) => unit([tr], [tr], tr.querySelector(".design-row"), ""));
    return { table, rows, units };
  }

  function controls(box, units, noun, said) {
    const ids = lifecycle(box).map(([id]) => id);
    const names = Object.fromEntries(lifecycle(box));
    const rank = (s) => ids.indexOf(s) + 1 || ids.length + 1;
    const facet = (key) => [...new Set([].concat(...units.map((u) => words(u.marker
      && u.marker.dataset[key]))))];
    const status = select("status", said.status, said.allStatuses,
      facet("status").sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
      (s) => names[s] || s.replace(/(^|-)(.)/g, (m, dash, c) => (dash && " ") + c.toUpperCase()));
    const folder = select("folder", said.team, said.allTeams, facet("folder").sort(),
      (f) => (f === "." ? said.topLevel : decodeURIComponent(f)));
    const text = make("input", { type: "search", class: "design-filter__text",
      placeholder: said.text, "aria-label": said.textHint });
    const count = make("span", { class: "design-filter__count", "aria-live": "polite" });
    box.append(status.parentNode, folder.parentNode, text, count);
    // The themes' one-key shortcuts (n, p, s) must not fire on a focused select.
    box.addEventListener("keydown", (e) => e.target.tagName === "SELECT" && e.stopPropagation());
    return { status, folder, text, count };
  }

  function setup(box) {
    const noun = NOUNS[box.dataset.designView];
    if (!noun || box.childElementCount) return;
    const { table, rows, units } = find(box, noun);
    if (!units.length) return;
    const said = wording(box, noun);
    const { status, folder, text, count } = controls(box, units, noun, said);
    const has = (u, key, value) => !value || words(u.marker.dataset[key]).includes(value);

    const headers = table && table.tHead ? [...table.tHead.rows[0].cells] : [];
    const params = new URLSearchParams(location.search);
    for (const [control, key] of [[status, "status"], [folder, "folder"], [text, "text"]]) {
      control.value = params.get(key) || "";
      if (control.selectedIndex < 0) control.value = "";  // a value this page does not have
    }
    let column = parseInt(params.get("sort"), 10) - 1;
    if (!(column < headers.length)) column = -1;
    let order = params.get("order") === "desc" ? "desc" : "asc";

    function filter() {
      const terms = words(text.value);
      let shown = 0;
      let total = 0;
      for (const u of units) {
        const facets = !u.marker
          || (has(u, "status", status.value) && has(u, "folder", folder.value));
        let any = false;
        for (const { el, text: hay } of u.items) {
          el.hidden = !(facets && terms.every((t) => hay.includes(t) || u.heading.includes(t)));
          any = any || !el.hidden;
          shown += !el.hidden;
          total++;
        }
        for (const part of u.parts) part.hidden = !any;
      }
      count.textContent = said.count(shown, total);
    }

    function sort() {
      headers.forEach((th, i) => (i === column
        ? th.setAttribute("aria-sort", order === "asc" ? "ascending" : "descending")
        : th.removeAttribute("aria-sort")));
      if (column < 0) return;
      const sign = order === "asc" ? 1 : -1;
      const ids = lifecycle(box).map(([id]) => id);
      const keyed = rows.map((tr, i) => ({ tr, i, key: sortKey(tr.cells[column], ids) }));
      keyed.sort((a, b) => (a.key === "") - (b.key === "") || sign * compare(a.key, b.key)
        || a.i - b.i);  // empty cells last, ties in page order
      for (const { tr } of keyed) tr.parentNode.appendChild(tr);
    }

    function save() {
      const url = new URL(location.href);
      // "text", not "q": both themes open their search dialog for ?q=
      const state = { status: status.value, folder: folder.value, text: text.value.trim(),
        sort: column < 0 ? "" : column + 1, order: column < 0 ? "" : order };
      for (const key in state)
        if (state[key]) url.searchParams.set(key, state[key]); else url.searchParams.delete(key);
      history.replaceState(history.state, "", url);
    }

    for (const control of [status, folder, text])
      control.addEventListener(control === text ? "input" : "change", () => { filter(); save(); });
    headers.forEach((th, i) => {
      const button = make("button", { type: "button", class: "design-sort" });
      button.append(...th.childNodes);
      th.append(button);
      button.addEventListener("click", () => {
        order = column === i && order === "asc" ? "desc" : "asc";
        column = i;
        sort();
        save();
      });
    });
    filter();
    sort();
  }

  const init = () => document.querySelectorAll(".design-filter[data-design-view]").forEach(setup);
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
