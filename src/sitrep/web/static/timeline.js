// The timeline: a histogram of events per bucket (from /api/timeline) drawn as SVG, with a brush.
// Dragging across it selects a period; `onBrush({since, until})` is called with the first day of the
// first bucket touched and the last day of the last one, or with null when the brush is cleared.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const DAY = 86400000;
  const day = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (parent) parent.appendChild(node);
    return node;
  }

  class Timeline {
    constructor(container, onBrush) {
      this.container = container;
      this.onBrush = onBrush;
      this.data = null;
      this.brush = null; // {since, until}
      this.pad = { left: 34, right: 10, top: 6, bottom: 18 };
      window.addEventListener("resize", () => this.draw());
    }

    set(data) {
      this.data = data;
      this.draw();
    }

    setBrush(brush) {
      this.brush = brush;
      this.draw();
    }

    scale() {
      const b = this.data.buckets;
      const lo = day(b[0].start), hi = day(b[b.length - 1].end) + DAY;
      const width = Math.max(100, this.container.clientWidth);
      const w = width - this.pad.left - this.pad.right;
      return { lo, hi, width, x: (ms) => this.pad.left + ((ms - lo) / (hi - lo)) * w,
               ms: (x) => lo + ((x - this.pad.left) / w) * (hi - lo) };
    }

    draw() {
      const box = this.container;
      box.textContent = "";
      const height = box.clientHeight || 96;
      if (!this.data || !this.data.buckets.length) {
        box.textContent = "No dated events match.";
        return;
      }
      const s = this.scale();
      const svg = el("svg", { width: s.width, height, "aria-label": "Events over time", role: "img" }, box);
      const max = Math.max(...this.data.buckets.map((b) => b.count));
      const plotH = height - this.pad.top - this.pad.bottom;
      const base = this.pad.top + plotH;
      for (const b of this.data.buckets) {
        const x0 = s.x(day(b.start)), x1 = s.x(day(b.end) + DAY);
        const h = Math.max(1, (b.count / max) * plotH);
        const inBrush = !this.brush || (b.end >= this.brush.since && b.start <= this.brush.until);
        const bar = el("rect", { x: x0, y: base - h, width: Math.max(1, x1 - x0 - 1), height: h,
                                 class: inBrush ? "bar in" : "bar" }, svg);
        el("title", {}, bar).textContent = `${b.period}: ${b.count} event${b.count === 1 ? "" : "s"}`;
      }
      el("line", { x1: this.pad.left, x2: s.width - this.pad.right, y1: base, y2: base, stroke: "#aab" }, svg);
      el("text", { x: 2, y: this.pad.top + 8 }, svg).textContent = String(max);
      this.ticks(svg, s, base);
      if (this.brush) {
        const x0 = s.x(day(this.brush.since)), x1 = s.x(day(this.brush.until) + DAY);
        el("rect", { x: x0, y: this.pad.top, width: Math.max(2, x1 - x0), height: plotH, class: "brush" }, svg);
      }
      this.listen(svg, s);
    }

    ticks(svg, s, base) {
      const years = (s.hi - s.lo) / (365.25 * DAY);
      const step = years > 40 ? 10 : years > 15 ? 5 : years > 6 ? 2 : 1;
      const first = new Date(s.lo).getUTCFullYear();
      const last = new Date(s.hi).getUTCFullYear();
      if (years < 1.5) {
        for (let t = Date.UTC(first, new Date(s.lo).getUTCMonth() + 1, 1); t < s.hi;
             t = Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth() + 1, 1)) {
          el("text", { x: s.x(t), y: base + 13 }, svg).textContent = iso(t).slice(0, 7);
          if (years > 0.6) t = Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth() + 1, 1);
        }
        return;
      }
      for (let y = Math.ceil(first / step) * step; y <= last; y += step) {
        const t = Date.UTC(y, 0, 1);
        if (t >= s.lo && t <= s.hi) el("text", { x: s.x(t) - 12, y: base + 13 }, svg).textContent = String(y);
      }
    }

    listen(svg, s) {
      let start = null, rect = null;
      const at = (ev) => ev.clientX - svg.getBoundingClientRect().left;
      svg.addEventListener("pointerdown", (ev) => {
        start = at(ev);
        svg.setPointerCapture?.(ev.pointerId);
        rect = el("rect", { x: start, y: this.pad.top, width: 1, height: svg.clientHeight - this.pad.top - this.pad.bottom,
                            class: "brush" }, svg);
      });
      svg.addEventListener("pointermove", (ev) => {
        if (start === null) return;
        const x = at(ev);
        rect.setAttribute("x", String(Math.min(start, x)));
        rect.setAttribute("width", String(Math.max(1, Math.abs(x - start))));
      });
      const end = (ev) => {
        if (start === null) return;
        const x = at(ev), a = Math.min(start, x), b = Math.max(start, x);
        start = null;
        if (b - a < 3) { this.brush = null; this.draw(); this.onBrush(null); return; }
        this.brush = this.snap(s.ms(a), s.ms(b));
        this.draw();
        this.onBrush(this.brush);
      };
      svg.addEventListener("pointerup", end);
      svg.addEventListener("pointercancel", () => { start = null; this.draw(); });
    }

    snap(lo, hi) {
      // the buckets the drag touched, from the first day of the first to the last day of the last
      const hit = this.data.buckets.filter((b) => day(b.end) + DAY > lo && day(b.start) <= hi);
      if (!hit.length) return { since: iso(lo), until: iso(hi) };
      return { since: hit[0].start, until: hit[hit.length - 1].end };
    }
  }

  window.SitrepTimeline = Timeline;
})();
