/**
 * Page numbers per report when several print as one document ("Alle wijken afdrukken"): each report is a named
 * page with a page counter of its own, so its footer reads "Centrum – blz. 1 van 2" whatever page of the document
 * it is on. CSS cannot count the pages of one element, so the total comes from the report's height laid out at the
 * page's width (print.css `.print-measure`).
 */

/** A4 portrait less print.css's 12 mm margins: the report's box is 186 mm wide (print.css) and this high. */
const PAGE_HEIGHT_MM = 273;
/**
 * What a page break may leave empty at the bottom of a page: table rows never split and a theme's caption stays
 * with its table (print.css), so at most a two-line row plus a caption and header row (≈ 8.5 + 17 mm).
 */
const BREAK_SLACK_MM = 26;
const PX_PER_MM = 96 / 25.4;

/**
 * The pages a report of `heightMm` takes: one if it fits on one page, else the fewest pages that hold it even when
 * every break leaves the most space empty. Erring to more pages is the safe side: a blank page rather than a
 * report that starts on the back of the previous one.
 */
export function pagesFor(heightMm: number): number {
  if (heightMm <= PAGE_HEIGHT_MM) return 1;
  let pages = 2;
  while (heightMm > pages * PAGE_HEIGHT_MM - (pages - 1) * BREAK_SLACK_MM) pages++;
  return pages;
}

/** The pages of each report in `root`, laid out for a moment at the page's width (hidden, off screen). */
export function measurePages(root: HTMLElement): number[] {
  root.classList.add('print-measure');
  try {
    return [...root.querySelectorAll<HTMLElement>(':scope > .print-report')].map((report) =>
      pagesFor(report.getBoundingClientRect().height / PX_PER_MM),
    );
  } finally {
    root.classList.remove('print-measure');
  }
}

/** A CSS string literal. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, ' ')}"`;

/**
 * The print CSS numbering each report on its own: `template` is e.g. "{area} – blz. {page} van {pages}". The n-th
 * report is the named page `gk-report-n` with the counter `gk-report-n`; a blank page after a report of an odd
 * number of pages (`.print-blank`) carries no number.
 */
export function reportPagesCss(reports: readonly { name: string; pages: number }[], template: string): string {
  const rules = reports.map(({ name, pages }, i) => {
    const page = `gk-report-${i + 1}`;
    const content = template
      .split(/(\{area\}|\{page\}|\{pages\})/)
      .filter((part) => part !== '')
      .map((part) =>
        part === '{page}'
          ? `counter(${page})`
          : cssString(part === '{area}' ? name : part === '{pages}' ? String(pages) : part),
      )
      .join(' ');
    return `.print-root > article.print-report:nth-of-type(${i + 1}) { page: ${page}; } @page ${page} { counter-increment: ${page}; @bottom-right { content: ${content}; } }`;
  });
  return `@media print { ${rules.join(' ')} .print-root > .print-blank { page: gk-blank; } @page gk-blank { @bottom-left { content: none; } @bottom-right { content: none; } } }`;
}
