import QRCode from 'qrcode';
import { escapeHtml, trusted, type Html } from '../../web/html.js';

/**
 * The otpauth:// address as an inline SVG QR code. Never cached: it carries the secret. The SVG is the
 * qrcode package's drawing of our own text (paths only, not the text), so it is safe to inline.
 */
export async function totpQrSvg(uri: string, label: string): Promise<Html> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return trusted(svg.replace('<svg ', `<svg class="two-factor-qr__code" role="img" aria-label="${escapeHtml(label)}" `));
}
