// Accessibility checks run inside a real browser on a finished page: what the browser has
// laid out and styled, not what the HTML source says. Writes its findings as JSON into
// a pre element (id a11y-result) for the test to read back from --dump-dom.
(function () {
  "use strict";
  const problems = [];
  const facts = {};

  // 1. the page's language and title
  facts.lang = document.documentElement.getAttribute("lang") || "";
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(facts.lang)) {
    problems.push("html has no valid lang attribute");
  }
  if (!document.title.trim()) problems.push("the page has no title");

  // 2. headings: one h1, first; never deeper by more than one level
  const headings = Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6"))
    .map((h) => ({ level: Number(h.tagName[1]), text: h.textContent.trim() }));
  facts.headings = headings.map((h) => h.level);
  if (!headings.length || headings[0].level !== 1) problems.push("the first heading is not h1");
  if (headings.filter((h) => h.level === 1).length !== 1) problems.push("not exactly one h1");
  headings.forEach((h, i) => {
    if (!h.text) problems.push(`empty h${h.level}`);
    if (i && h.level > headings[i - 1].level + 1) {
      problems.push(`heading "${h.text}" jumps from h${headings[i - 1].level} to h${h.level}`);
    }
  });

  // 3. images: alternative text (an empty alt only for a decorative image)
  const images = Array.from(document.querySelectorAll("img"));
  facts.images = images.length;
  images.forEach((img) => {
    if (!img.hasAttribute("alt")) problems.push(`img ${img.src.slice(0, 40)} has no alt`);
    else if (!img.alt.trim() && img.getAttribute("role") !== "presentation") {
      problems.push("img has an empty alt but is not marked decorative");
    }
  });

  // 4. tables: a caption or accessible name, header cells with a scope, headers for data
  const tables = Array.from(document.querySelectorAll("table"));
  facts.tables = tables.length;
  tables.forEach((table, i) => {
    const named = table.caption && table.caption.textContent.trim() ||
      table.getAttribute("aria-label") || table.getAttribute("aria-labelledby");
    if (!named) problems.push(`table ${i + 1} has no caption`);
    const headers = Array.from(table.querySelectorAll("th"));
    if (!headers.length) problems.push(`table ${i + 1} has no header cells`);
    headers.forEach((th) => {
      if (!["col", "row", "colgroup", "rowgroup"].includes(th.getAttribute("scope"))) {
        problems.push(`table ${i + 1}: header "${th.textContent.trim()}" has no scope`);
      }
    });
  });

  // 5. links say where they go
  document.querySelectorAll("a[href]").forEach((a) => {
    if (!(a.textContent.trim() || a.getAttribute("aria-label"))) problems.push("a link has no text");
  });

  // 6. contrast of every piece of text against what is really behind it (WCAG 2.1 1.4.3)
  function rgba(value) {
    const m = value.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  }
  function luminance([r, g, b]) {
    const c = [r, g, b].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  function background(element) {
    for (let e = element; e; e = e.parentElement) {
      const colour = rgba(getComputedStyle(e).backgroundColor);
      if (colour[3] > 0) return colour;
    }
    return [255, 255, 255, 1];
  }
  let lowest = 21;
  let checked = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element || element.id === "a11y-result") continue;
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || style.display === "none") continue;
    const fore = rgba(style.color);
    const back = background(element);
    const [l1, l2] = [luminance(fore), luminance(back)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    checked += 1;
    lowest = Math.min(lowest, ratio);
    if (ratio < needed) {
      problems.push(`contrast ${ratio.toFixed(2)} < ${needed} for "${node.textContent.trim().slice(0, 30)}"`);
    }
  }
  facts.texts_checked = checked;
  facts.lowest_contrast = Math.round(lowest * 100) / 100;

  const out = document.createElement("pre");
  out.id = "a11y-result";
  out.textContent = JSON.stringify({ problems, facts });
  document.body.appendChild(out);
})();
