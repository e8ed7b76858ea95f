import QRCode from 'qrcode';
import { escapeHtml, trusted, type Html } from '../web/html.js';

const cache = new Map<string, string>();
const CACHE_LIMIT = 50;

/**
 * A QR code as inline SVG (no image request, works offline). The SVG is the qrcode package's output for
 * our own text: it holds only paths, never the text itself, so it is safe to inline.
 */
export async function qrSvg(text: string, label: string): Promise<Html> {
  let svg = cache.get(text);
  if (!svg) {
    svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(text, svg);
  }
  return trusted(svg.replace('<svg ', `<svg class="qr-code" role="img" aria-label="${escapeHtml(label)}" `));
}
