// The map page: filters, a Leaflet map drawn from /api/map (clustered points, or server-side grid
// cells when there are too many), areas for events known only to a region or country, the timeline
// and the side panel. Country borders come from world-atlas, served by this app: no tile server,
// no CDN. `window.sitrep` exposes what the page shows, for tests and benchmarks.
"use strict";

(function () {
  const { h, eventDetail, articleView, eventList } = window.SitrepPanel;
  const COLOURS = { "Battles": "--battles", "Explosions/Remote violence": "--explosions",
    "Violence against civilians": "--civilians", "Protests": "--protests", "Riots": "--riots",
    "Strategic developments": "--strategic" };
  const css = getComputedStyle(document.documentElement);
  const colour = (t) => (css.getPropertyValue(COLOURS[t] || "--muted").trim() || "#777");
  const AREA_RADIUS_M = { admin1: 90000, region: 250000 };
  const $ = (id) => document.getElementById(id);

  const page = window.sitrep = { ready: false, renders: 0, shown: 0, mode: null, firstRender: null,
                                 selected: null, errors: [], filters: {}, brush: null };
  const state = { meta: null, countries: new Map(), filters: {}, brush: null, seq: 0, last: null, markers: new Map() };

  async function getJSON(url) {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body.error || `${res.status} ${res.statusText}`);
    return body;
  }

  function query(extra, { brush = true } = {}) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(state.filters)) if (v) p.set(k, v);
    if (brush && state.brush) { p.set("since", state.brush.since); p.set("until", state.brush.until); }
    for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== undefined && v !== "") p.set(k, v);
    return p.toString();
  }

  function status(text) { $("status").textContent = text; }
  function fail(err) { page.errors.push(String(err.message || err)); status("Error: " + (err.message || err)); }

  // -- map ----------------------------------------------------------------------------------------
  const map = L.map("map", { minZoom: 1, maxZoom: 15, worldCopyJump: true, zoomControl: true }).setView([22, 18], 2);
  const bordersRenderer = L.canvas({ padding: 0.2 });
  const areaLayer = L.layerGroup().addTo(map);
  const cellLayer = L.layerGroup().addTo(map);
  const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 45, chunkedLoading: true,
                                         iconCreateFunction: (c) => clusterIcon(c.getAllChildMarkers().map((m) => m.options.eventType)) });
  map.addLayer(cluster);

  function pie(counts, total) {
    let acc = 0;
    const stops = Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([t, n]) => {
      const from = (acc / total) * 360; acc += n;
      return `${colour(t)} ${from}deg ${(acc / total) * 360}deg`;
    });
    return `conic-gradient(${stops.join(", ")})`;
  }

  function clusterIcon(types, total) {
    const counts = {};
    if (Array.isArray(types)) for (const t of types) counts[t] = (counts[t] || 0) + 1;
    else Object.assign(counts, types);
    const n = total || Object.values(counts).reduce((a, b) => a + b, 0);
    const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : n < 10000 ? 48 : 56;
    const label = n >= 10000 ? `${Math.round(n / 1000)}k` : String(n);
    return L.divIcon({ className: "", iconSize: [size, size],
                       html: `<div class="ev-cluster" style="width:${size}px;height:${size}px;background:${pie(counts, n)}">`
                             + `<span>${label}</span></div>` });
  }

  function dotIcon(type) {
    return L.divIcon({ className: "", iconSize: [14, 14],
                       html: `<div class="ev-dot" style="--c:${colour(type)};width:14px;height:14px"></div>` });
  }

  function viewBox(pad) {
    const b = map.getBounds().pad(pad);
    let w = b.getWest(), e = b.getEast();
    if (e - w >= 360) { w = -180; e = 180; }
    w = ((w + 540) % 360) - 180; e = ((e + 540) % 360) - 180;
    if (e === -180) e = 180;
    const s = Math.max(-90, b.getSouth()), n = Math.min(90, b.getNorth());
    return [w, s, e, n].map((v) => v.toFixed(4));
  }

  function covers(outer, inner) {
    const [w, s, e, n] = outer.map(Number), [w2, s2, e2, n2] = inner.map(Number);
    return w <= e && w2 <= e2 && w <= w2 && e >= e2 && s <= s2 && n >= n2;
  }

  async function refreshMap({ force = false } = {}) {
    const key = query();
    const view = viewBox(0);
    const last = state.last;
    if (!force && last && last.key === key && last.mode === "points" && covers(last.bbox, view)) return;
    const bbox = viewBox(0.5);
    const seq = ++state.seq;
    status("Loading…");
    try {
      const data = await getJSON("/api/map?" + query({ zoom: map.getZoom(), bbox: bbox.join(",") }));
      if (seq !== state.seq) return;
      state.last = { key, mode: data.mode, bbox };
      state.lastData = data;
      draw(data);
      refreshList();
    } catch (err) { fail(err); }
  }

  function draw(data) {
    cluster.clearLayers(); cellLayer.clearLayers(); areaLayer.clearLayers(); state.markers.clear();
    let shown = 0;
    const types = {};
    const count = (t, n) => { types[t] = (types[t] || 0) + n; };
    for (const p of data.points || []) count(p.event_type, 1);
    for (const c of data.cells || []) for (const [t, n] of Object.entries(c.types)) count(t, n);
    for (const a of data.areas) for (const [t, n] of Object.entries(a.types)) count(t, n);
    page.types = types;
    if (data.mode === "points") {
      const markers = data.points.map((p) => {
        const m = L.marker([p.lat, p.lon], { icon: dotIcon(p.event_type), eventType: p.event_type,
                                             title: `${p.event_type}, ${p.location || ""} ${p.date || ""}`.trim() });
        m.on("click", () => select(p.event_id));
        state.markers.set(p.event_id, m);
        return m;
      });
      cluster.addLayers(markers);
      shown += markers.length;
    } else {
      for (const c of data.cells) {
        const m = L.marker([c.lat, c.lon], { icon: clusterIcon(c.types, c.count), title: `${c.count} events` });
        m.on("click", () => map.fitBounds([[c.bbox[1], c.bbox[0]], [c.bbox[3], c.bbox[2]]]));
        cellLayer.addLayer(m);
        shown += c.count;
      }
    }
    for (const a of data.areas) { drawArea(a); shown += a.count; }
    page.shown = shown; page.mode = data.mode; page.renders += 1;
    page.filters = { ...state.filters }; page.brush = state.brush;
    const areaCount = data.areas.reduce((n, a) => n + a.count, 0);
    status(`${shown} events on the map: ${data.located} at a town or point, ${areaCount} known only to a `
           + "province, region or country (drawn as that area)");
    if (page.firstRender === null && state.bordersDrawn) page.firstRender = performance.now();
    page.ready = true;
  }

  function drawArea(a) {
    const top = Object.keys(a.types)[0];
    const style = { color: colour(top), weight: 1.5, dashArray: "5 4", fillColor: colour(top), fillOpacity: 0.16 };
    let layer = null;
    const feature = a.kind === "country" && state.countries.get((state.meta.countries[a.country] || {}).numeric);
    if (feature) layer = L.geoJSON(feature, { style: () => style });
    else if (a.lat !== null) layer = L.circle([a.lat, a.lon], { ...style, radius: AREA_RADIUS_M[a.kind] || AREA_RADIUS_M.region });
    if (!layer) return;
    const where = a.kind === "country" ? (state.meta.countries[a.country] || {}).name || a.country : a.name || a.admin1;
    const what = a.kind === "country" ? "the country" : a.kind === "admin1" ? "the province" : "the region";
    layer.bindTooltip(`${a.count} event${a.count === 1 ? "" : "s"} known only to ${what}: ${where}`, { sticky: true });
    layer.on("click", () => showArea(a, where));
    layer.addTo(areaLayer);
  }

  function showArea(a, where) {
    const detail = $("detail");
    detail.textContent = "";
    if (a.events && a.events.length) {
      detail.appendChild(eventList(`${a.count} events placed only to ${where}`, a.events, colour, select));
    } else {
      detail.appendChild(h("p", { class: "muted" }, `${a.count} events placed only to ${where}; narrow the filters `
                                                    + "or the timeline to list them."));
    }
  }

  // Rings cut at the antimeridian would be drawn as lines across the whole map; make each ring's
  // longitudes continuous instead (a ring may then reach past 180 degrees, which Leaflet draws fine).
  function unwrap(feature) {
    const g = feature.geometry;
    if (!g) return;
    const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    for (const poly of polys) {
      for (const ring of poly) {
        for (let i = 1; i < ring.length; i++) {
          while (ring[i][0] - ring[i - 1][0] > 180) ring[i][0] -= 360;
          while (ring[i][0] - ring[i - 1][0] < -180) ring[i][0] += 360;
        }
      }
    }
  }

  async function loadBorders() {
    try {
      const world = await getJSON("/static/vendor/world-atlas/countries-50m.json");
      const countries = topojson.feature(world, world.objects.countries);
      countries.features = countries.features.filter((f) => f.id !== "010"); // Antarctica: no events, wraps badly
      countries.features.forEach(unwrap);
      for (const f of countries.features) state.countries.set(String(f.id).padStart(3, "0"), f);
      const fill = state.meta.tiles ? 0 : 1;
      L.geoJSON(countries, { renderer: bordersRenderer, interactive: false,
                             style: { color: "#8d9aa6", weight: 0.7, fillColor: "#fbfbf8", fillOpacity: fill } }).addTo(map);
      state.bordersDrawn = true;
      if (state.lastData) draw(state.lastData); // country areas can now be drawn as the country
    } catch (err) { fail(err); }
  }

  // -- panel --------------------------------------------------------------------------------------
  async function refreshList() {
    if (page.selected) return;
    const seq = state.seq;
    try {
      const data = await getJSON("/api/events?" + query({ limit: 50, bbox: viewBox(0).join(",") }));
      if (seq !== state.seq || page.selected) return;
      const detail = $("detail");
      detail.textContent = "";
      const rows = data.events.map((e) => ({ event_id: e.event_id, event_type: e.event_type,
        date: e.date && e.date.low, location: e.location && e.location.name }));
      detail.appendChild(eventList(rows.length ? "Latest events in view (click one for its evidence)"
                                               : "No located events in view.", rows, colour, select));
    } catch (err) { fail(err); }
  }

  async function select(eventId) {
    page.selected = eventId;
    for (const [id, m] of state.markers) m.getElement()?.firstElementChild?.classList.toggle("selected", id === eventId);
    try {
      const data = await getJSON("/api/events/" + encodeURIComponent(eventId));
      const detail = $("detail");
      detail.textContent = "";
      detail.appendChild(h("button", { class: "link", type: "button", onclick: () => { page.selected = null; refreshList(); } },
                           "← events in view"));
      detail.appendChild(eventDetail(data, colour, showArticle));
      page.detailShown = eventId;
    } catch (err) { fail(err); }
  }

  async function showArticle(articleId) {
    try {
      const record = await getJSON("/api/articles/" + articleId.split("/").map(encodeURIComponent).join("/"));
      const detail = $("detail");
      const back = page.selected;
      detail.textContent = "";
      detail.appendChild(h("button", { class: "link", type: "button", onclick: () => select(back) }, "← the event"));
      detail.appendChild(articleView(record));
    } catch (err) { fail(err); }
  }

  function legend() {
    const box = $("legend");
    for (const t of state.meta.event_types) box.appendChild(h("span", { style: `--c:${colour(t)}` }, t));
    box.appendChild(h("span", { class: "area" }, "province/region/country only"));
  }

  // -- timeline and filters -----------------------------------------------------------------------
  const timeline = new window.SitrepTimeline($("timeline"), (brush) => {
    state.brush = brush;
    $("brush-label").textContent = brush ? `${brush.since} → ${brush.until}` : "";
    $("brush-clear").hidden = !brush;
    page.selected = null;
    refreshMap({ force: true });
  });

  async function refreshTimeline() {
    try {
      const data = await getJSON("/api/timeline?" + query({}, { brush: false }));
      timeline.set(data);
      page.timelineTotal = data.total;
    } catch (err) { fail(err); }
  }

  function readFilters() {
    const form = $("filters");
    state.filters = { event_type: form.event_type.value, actor: form.actor.value.trim(),
                      country: form.country.value.trim().toUpperCase(), text: form.text.value.trim() };
  }

  function applyFilters() {
    readFilters();
    page.selected = null;
    refreshTimeline();
    refreshMap({ force: true });
  }

  async function start() {
    try {
      state.meta = await getJSON("/api/meta");
    } catch (err) { fail(err); return; }
    if (state.meta.tiles) {
      L.tileLayer(state.meta.tiles, { attribution: state.meta.tiles_attribution || "", maxZoom: 19 }).addTo(map);
    }
    const select = $("f-type");
    for (const t of state.meta.event_types) select.appendChild(h("option", { value: t }, t));
    legend();
    $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); applyFilters(); });
    select.addEventListener("change", applyFilters);
    $("f-clear").addEventListener("click", () => { $("filters").reset(); applyFilters(); });
    $("brush-clear").addEventListener("click", () => { timeline.setBrush(null); timeline.onBrush(null); });
    await Promise.all([loadBorders(), refreshMap({ force: true }), refreshTimeline()]);
    map.on("moveend", () => refreshMap());
    getJSON("/api/actors?limit=300").then((d) => {
      const list = $("actor-names");
      for (const a of d.actors) list.appendChild(h("option", { value: a.name }));
    }).catch(fail);
  }

  start();
})();
