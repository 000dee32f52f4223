/**
 * A chart on screen as a file: a standalone SVG (it must name its namespace, and carries the attribution itself,
 * since a downloaded chart leaves the page that names the source), and a PNG drawn from that SVG by the browser.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Room added under the chart for the attribution line, in SVG user units (px). */
export const ATTRIBUTION_HEIGHT = 20;
const ATTRIBUTION_FONT_SIZE = 11;

function number(text: string | null): number | null {
  const n = text === null ? Number.NaN : Number.parseFloat(text);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** The viewBox as four numbers, or null. */
function viewBox(svg: Element): [number, number, number, number] | null {
  const parts = (svg.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  return parts.length === 4 && parts.every(Number.isFinite) ? (parts as [number, number, number, number]) : null;
}

/** The chart's size from its width and height attributes, else its viewBox, else its layout box. */
export function svgSize(svg: Element): { width: number; height: number } {
  const box = viewBox(svg);
  const rect = svg.getBoundingClientRect?.();
  return {
    width: number(svg.getAttribute('width')) ?? box?.[2] ?? (rect?.width || 640),
    height: number(svg.getAttribute('height')) ?? box?.[3] ?? (rect?.height || 400),
  };
}

/** Width and height of a serialised SVG's root element (for `svgToPng`). */
export function svgTextSize(svgText: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svgText)?.[0] ?? '';
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1] ?? null;
  const box = (attribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  return {
    width: number(attribute('width')) ?? (box.length === 4 ? box[2]! : 640),
    height: number(attribute('height')) ?? (box.length === 4 ? box[3]! : 400),
  };
}

/**
 * The chart as a standalone SVG document: a copy (the chart on screen is untouched) with its namespaces, its
 * `<style>` elements and style attributes as they are, `ATTRIBUTION_HEIGHT` more room at the bottom and there the
 * attribution in small grey type. Width and height are set explicitly so that an image viewer knows the size.
 */
export function svgWithAttribution(svg: SVGSVGElement, attribution: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const document = svg.ownerDocument;
  const { width, height } = svgSize(svg);
  const box = viewBox(svg) ?? [0, 0, width, height];
  const extra = (ATTRIBUTION_HEIGHT * box[3]) / height; // the same 20 px in the viewBox's units
  copy.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height + ATTRIBUTION_HEIGHT));
  copy.setAttribute('viewBox', [box[0], box[1], box[2], box[3] + extra].join(' '));

  const text = document.createElementNS(SVG_NS, 'text');
  text.setAttribute('x', String(box[0] + (4 * box[2]) / width));
  text.setAttribute('y', String(box[1] + box[3] + extra - (6 * box[3]) / height));
  text.setAttribute('font-family', 'system-ui, sans-serif');
  text.setAttribute('font-size', String((ATTRIBUTION_FONT_SIZE * box[3]) / height));
  text.setAttribute('fill', '#55606b');
  text.setAttribute('class', 'chart-attribution');
  text.textContent = attribution;
  copy.appendChild(text);

  const Serializer = document.defaultView?.XMLSerializer ?? globalThis.XMLSerializer;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new Serializer().serializeToString(copy)}\n`;
}

/**
 * Draws the SVG text into a canvas `scale` times its size (sharp on high-resolution screens and in print) on a
 * white background, as a PNG. Browser only: it needs Image, a canvas and object URLs.
 */
export function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  if (typeof document === 'undefined' || typeof Image === 'undefined' || typeof URL.createObjectURL !== 'function') {
    return Promise.reject(new Error('svgToPng needs a browser (Image, canvas, object URLs)'));
  }
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  return new Promise<Blob>((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext('2d');
      if (!context) {
        reject(new Error('no 2D canvas'));
        return;
      }
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, width, height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png');
    };
    image.onerror = () => reject(new Error('the SVG could not be drawn'));
    image.src = url;
  }).finally(() => URL.revokeObjectURL(url));
}
