import { assetUrl } from '../../web/assets.js';
import { html, type Html } from '../../web/html.js';

export function twoFactorHead(): Html {
  return html`<link rel="stylesheet" href="${assetUrl('two-factor.css')}">`;
}
