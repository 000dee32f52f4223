export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Makes an SVG element with its attributes set, in a given document (tests pass happy-dom's). */
export type SvgElementFactory = <K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
) => SVGElementTagNameMap[K];

/** The element factory of the pure chart builders (sparkline, compass graphic, mini map, small multiples). */
export function svgElementFactory(doc: Document): SvgElementFactory {
  return (name, attrs) => {
    const node = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  };
}
