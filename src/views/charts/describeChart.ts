import { SVG_NS } from './svgElement.ts';

/** A chart's <svg>: the root itself, or the one inside Plot's <figure>. */
export function svgOf(root: Element): SVGSVGElement | null {
  return (root.tagName.toLowerCase() === 'svg' ? root : root.querySelector('svg')) as SVGSVGElement | null;
}

/**
 * role="img" with a <title> (and <desc>) as first children, next to Plot's aria-label. Marks inside lose Plot's own
 * aria-labels (kept as data-label): inside an image they are not announced, and on elements without a role axe-core
 * rejects them. The data itself is offered beside the chart, as a table with buttons.
 */
export function describeChart(
  root: Element,
  options: { ariaLabel: string; ariaDescription?: string | undefined },
  doc: Document,
): void {
  const svg = svgOf(root);
  if (!svg) return;
  svg.setAttribute('role', 'img');
  for (const node of svg.querySelectorAll('[aria-label], [aria-description]')) {
    const label = node.getAttribute('aria-label');
    if (label) node.setAttribute('data-label', label);
    node.removeAttribute('aria-label');
    node.removeAttribute('aria-description');
  }
  svg.setAttribute('aria-label', options.ariaLabel);
  const nodes: Element[] = [];
  const title = doc.createElementNS(SVG_NS, 'title');
  title.textContent = options.ariaLabel;
  nodes.push(title);
  if (options.ariaDescription) {
    const desc = doc.createElementNS(SVG_NS, 'desc');
    desc.textContent = options.ariaDescription;
    nodes.push(desc);
  }
  svg.prepend(...nodes);
}
