/**
 * The server's printable report (self-contained HTML, every text escaped) shown inside the page rather than in a
 * frame, so that it is part of the page for assistive technologies, axe and a narrow screen. It goes into a shadow
 * root, so that its style and the app's do not mix, after a parse that runs nothing (DOMParser documents are inert)
 * and a clean-up that keeps only passive markup: the report has no script, link, image or form, and if one ever
 * appeared it is dropped, with every event handler, address and inline style attribute.
 */

const UNSAFE = 'script, noscript, template, iframe, frame, frameset, object, embed, link, meta, base, style, form, input, button, textarea, select, img, picture, video, audio, source, svg, math';
const UNSAFE_ATTRIBUTE = /^(on.*|src|srcset|srcdoc|href|xlink:href|action|formaction|style|background|poster|ping)$/i;

/** What the page adds to the report's own style: no margin of a page, wide tables scroll, long words wrap. */
const PAGE_STYLE = `
.report{margin:0;padding:1rem;max-width:60rem;background:#fff;color:#111;overflow-wrap:anywhere;border:1px solid #d4d4d8;border-radius:6px}
.table-scroll{overflow-x:auto;max-width:100%}
.table-scroll:focus-visible{outline:2px solid #1d4ed8;outline-offset:2px}
@media print{.report{border:0;padding:0;max-width:none}}
`;

export function renderReport(root: ShadowRoot, html: string, tableLabel: string): void {
  const source = new DOMParser().parseFromString(html, 'text/html');
  // The report's style is written for a page of its own: its `body` is the report's box here; it loads nothing.
  const css = [...source.head.querySelectorAll('style')]
    .map((style) => style.textContent ?? '')
    .join('\n')
    .replace(/\bbody\b/g, '.report')
    .replace(/url\s*\(|@import/gi, 'x');
  for (const element of source.body.querySelectorAll(UNSAFE)) element.remove();
  for (const element of source.body.querySelectorAll('*')) {
    for (const attribute of [...element.attributes]) if (UNSAFE_ATTRIBUTE.test(attribute.name)) element.removeAttribute(attribute.name);
  }
  // A table wider than a phone scrolls in a box the keyboard can reach, not the whole page.
  for (const table of source.body.querySelectorAll('table')) {
    const box = source.createElement('div');
    box.className = 'table-scroll';
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', tableLabel);
    box.tabIndex = 0;
    table.replaceWith(box);
    box.append(table);
  }
  const style = document.createElement('style');
  style.textContent = css + PAGE_STYLE;
  const report = document.createElement('div');
  report.className = 'report';
  report.lang = source.documentElement.lang || '';
  report.append(...[...source.body.childNodes].map((node) => document.importNode(node, true)));
  root.replaceChildren(style, report);
}
