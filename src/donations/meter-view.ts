import { assetUrl } from '../web/assets.js';
import { html, type Html } from '../web/html.js';
import { DEFAULT_CTA } from './drives.js';
import type { Meter } from './meter.js';

/** The JSON shape of `GET /api/drives/current`, also what the live stream and meter.js receive. */
export function meterJson(meter: Meter, baseUrl: string): Record<string, unknown> {
  return { ...meter, donateUrl: `${baseUrl}/donate` };
}

/**
 * The meter, complete without JavaScript. `data-meter-live` lets meter.js find it and follow the
 * drive's live stream; the bar is a progressbar whose value text reads the whole story.
 */
export function meterView(meter: Meter, options: { live?: boolean } = {}): Html {
  const now = Math.min(100, meter.percent);
  return html`<div class="tribune-meter${meter.percent >= 100 ? ' tribune-meter--reached' : ''}"${options.live === false ? '' : html` data-meter-live="${meter.driveId}"`}>
  <p class="tribune-meter__title">${meter.title}</p>
  <div class="tribune-meter__bar" role="progressbar" aria-label="${meter.title}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${now}" aria-valuetext="${meter.summary}" data-meter-bar>
    <span class="tribune-meter__fill" style="width: ${meter.fill}%" data-meter-fill></span>
  </div>
  <ol class="tribune-meter__ticks" aria-hidden="true">${meter.ticks.map((tick) => html`<li class="money">${tick.label}</li>`)}</ol>
  <p class="tribune-meter__figures">
    <strong class="money tribune-meter__raised" data-meter-raised>${meter.raisedLabel}</strong> raised
    <span class="tribune-meter__of">of <span class="money">${meter.goalLabel}</span> (<span data-meter-percent>${meter.percent}</span>%)</span>
    · <span data-meter-donors>${meter.donorsLabel}</span>${meter.daysLeftLabel ? html` · <span data-meter-days>${meter.daysLeftLabel}</span>` : ''}
  </p>
</div>`;
}

export function stylesheetLink(): Html {
  return html`<link rel="stylesheet" href="${assetUrl('donations.css')}">`;
}

export function meterScript(): Html {
  return html`<script src="${assetUrl('meter.js')}" defer></script>`;
}

/** The box under every article: the call to action, the meter, and a button that remembers the article. */
export function supportBox(meter: Meter | null, articleSlug: string): Html {
  const href = `/donate?article=${encodeURIComponent(articleSlug)}`;
  return html`${stylesheetLink()}
<aside class="support-box" aria-labelledby="support-box-title">
  <h2 class="support-box__cta" id="support-box-title">${meter?.cta || DEFAULT_CTA}</h2>
  ${meter ? meterView(meter) : ''}
  <p><a class="button support-box__button" href="${href}">Donate</a></p>
</aside>
${meter ? meterScript() : ''}`;
}
