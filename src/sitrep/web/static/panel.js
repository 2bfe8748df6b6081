// The side panel: the list of events in view, and one event with its sources and evidence, the
// spans that gave its actors, place, date and fatalities highlighted. Text from the store is only
// ever set as textContent, never as HTML.
"use strict";

(function () {
  const SPAN_NAMES = { actor1: "actor 1", actor2: "actor 2", location: "place", date: "date",
                       fatalities: "fatalities", attribution: "attribution" };

  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "style") node.style.cssText = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }

  // Offsets from the server count Unicode code points (Python str); JS strings count UTF-16 units.
  function highlight(sentence, base, spans) {
    const chars = Array.from(sentence);
    const marks = chars.map(() => []);
    const elsewhere = [];
    for (const [name, span] of Object.entries(spans || {})) {
      const a = span.start - base, b = span.end - base;
      if (a >= 0 && b <= chars.length && chars.slice(a, b).join("") === span.text) {
        for (let i = a; i < b; i++) marks[i].push(name);
      } else {
        elsewhere.push([name, span]);
      }
    }
    const out = h("p", { class: "evidence" });
    let i = 0;
    while (i < chars.length) {
      const key = marks[i].join(" ");
      let j = i + 1;
      while (j < chars.length && marks[j].join(" ") === key) j++;
      const text = chars.slice(i, j).join("");
      if (key) {
        const names = marks[i];
        out.appendChild(h("mark", { class: "hl " + names.map((n) => "hl-" + n).join(" "), "data-span": key,
                                    title: names.map((n) => SPAN_NAMES[n] || n).join(", ") }, text));
      } else {
        out.appendChild(document.createTextNode(text));
      }
      i = j;
    }
    return { node: out, elsewhere };
  }

  function keys() {
    return h("div", { class: "keys" }, ["actor1", "location", "date", "fatalities", "attribution"].map(
      (n) => h("mark", { class: `hl hl-${n}` }, n === "actor1" ? "actors" : SPAN_NAMES[n])));
  }

  function fatalities(f) {
    if (!f) return "not reported";
    if (f.low !== undefined && f.high !== undefined && f.low !== f.high) return `${f.best} (${f.low}–${f.high})`;
    return String(f.best);
  }

  function place(loc) {
    if (!loc) return "unknown";
    const parts = [loc.name, loc.admin1, loc.country].filter((x, i, a) => x && a.indexOf(x) === i);
    const precise = { 1: "town", 2: "near a town", 3: "region or country only" }[loc.geo_precision] || "";
    return parts.join(", ") + (precise ? ` (${precise})` : "");
  }

  function eventDetail(data, colour, onArticle) {
    const e = data.event;
    const date = e.date ? (e.date.low === e.date.high ? e.date.low : `${e.date.low} to ${e.date.high}`) : null;
    const actors = [e.actor1, e.actor2].filter(Boolean).map((a) => a.name).join(" vs ");
    const box = h("div", { class: "detail", "data-event-id": e.event_id },
      h("h2", {}, h("span", { class: "dot", style: `--c:${colour(e.event_type)}` }), `${e.event_type}`),
      h("div", { class: "muted" }, e.sub_event_type),
      h("dl", {},
        h("dt", {}, "When"), h("dd", {}, date || "date unknown"),
        h("dt", {}, "Where"), h("dd", {}, place(e.location)),
        h("dt", {}, "Who"), h("dd", {}, actors || "unknown"),
        h("dt", {}, "Killed"), h("dd", {}, fatalities(e.fatalities)),
        h("dt", {}, "Sources"), h("dd", {}, `${e.number_of_sources} (first ${e.first_reported || "?"}, last `
                                              + `${e.last_reported || "?"})`),
        h("dt", {}, "Event id"), h("dd", {}, h("code", {}, e.event_id))),
      keys());
    for (const r of data.reports) {
      const ev = r.evidence || { sentence: "", start: 0 };
      const { node, elsewhere } = highlight(ev.sentence || "", ev.start || 0, r.spans);
      const link = r.url && /^https?:\/\//i.test(r.url)
        ? h("a", { href: r.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original") : null;
      box.appendChild(h("section", { class: "report" },
        h("div", { class: "src" }, [r.outlet || "unknown outlet", r.published || "undated"].join(" · "), " · ",
          h("button", { class: "link", type: "button", onclick: () => onArticle(r.article_id) }, r.article_id),
          link ? " · " : null, link),
        node,
        elsewhere.map(([name, span]) => h("div", { class: "elsewhere" }, `${SPAN_NAMES[name] || name}, elsewhere `
          + "in the article: ", h("mark", { class: `hl hl-${name}`, "data-span": name }, span.text))),
        r.joined ? h("div", { class: "elsewhere" }, "merged because: "
          + r.joined.map((j) => (j.reasons || []).join("; ")).join(" / ")) : null));
    }
    return box;
  }

  function articleView(record) {
    const text = Array.from(record.article.text || "");
    const marks = text.map(() => null);
    const kinds = { actors: "actor1", places: "location", times: "date", quantities: "fatalities" };
    for (const [kind, cls] of Object.entries(kinds)) {
      for (const m of (record.mentions || {})[kind] || []) {
        for (let i = m.start; i < m.end && i < text.length; i++) marks[i] = marks[i] || cls;
      }
    }
    const pre = h("div", { class: "article-text" });
    let i = 0;
    while (i < text.length) {
      let j = i + 1;
      while (j < text.length && marks[j] === marks[i]) j++;
      const chunk = text.slice(i, j).join("");
      pre.appendChild(marks[i] ? h("mark", { class: `hl hl-${marks[i]}` }, chunk) : document.createTextNode(chunk));
      i = j;
    }
    return h("div", { class: "detail" }, h("h2", {}, record.article.title || record.article.id),
      h("div", { class: "muted" }, [record.article.source, record.article.published].filter(Boolean).join(" · ")),
      keys(), pre);
  }

  function eventList(title, events, colour, onPick) {
    return h("div", {}, h("div", { class: "muted" }, title),
      h("ul", { class: "event-list" }, events.map((e) => h("li", {
        tabindex: "0", "data-event-id": e.event_id, onclick: () => onPick(e.event_id),
        onkeydown: (k) => { if (k.key === "Enter") onPick(e.event_id); } },
        h("span", { class: "dot", style: `--c:${colour(e.event_type)}` }), e.event_type, " ",
        h("small", {}, [e.date || "undated", e.location || ""].filter(Boolean).join(" · "))))));
  }

  window.SitrepPanel = { h, eventDetail, articleView, eventList, highlight };
})();
