import { assetUrl } from '../web/assets.js';
import { html, type Html } from '../web/html.js';
import { DEFAULT_CTA } from './drives.js';
import type { MeterJson } from './contract.js';
import type { Meter } from './meter.js';
import { supportBoxMarkup } from './markup/meter.js';

/** The JSON shape of `GET /api/drives/current`, also what the live stream and meter.js receive. */
export function meterJson(meter: Meter, baseUrl: string): MeterJson {
  return { ...meter, donateUrl: `${baseUrl}/donate` };
}

/** The meter, complete without JavaScript: the same markup meter.js and the comment widget draw. */
export { meterMarkup as meterView } from './markup/meter.js';

export function stylesheetLink(): Html {
  return html`<link rel="stylesheet" href="${assetUrl('donations.css')}">`;
}

export function meterScript(): Html {
  return html`<script src="${assetUrl('meter.js')}" defer></script>`;
}

/** The box under every article: the call to action, the meter, and a button that remembers the article. */
export function supportBox(meter: Meter | null, articleSlug: string): Html {
  return html`${stylesheetLink()}
${supportBoxMarkup(meter?.cta || DEFAULT_CTA, meter, { href: `/donate?article=${encodeURIComponent(articleSlug)}` })}
${meter ? meterScript() : ''}`;
}
