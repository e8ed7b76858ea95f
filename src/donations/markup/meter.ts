import { html, type Html } from '../../web/html.js';

/** What the meter shows: every figure already formatted by the server (no money arithmetic here). */
export interface MeterFigures {
  driveId: string;
  title: string;
  cta: string;
  percent: number;
  /** Bar width in percent, 0–100. */
  fill: number;
  ticks: readonly { label: string }[];
  raisedLabel: string;
  goalLabel: string;
  donorsLabel: string;
  daysLeftLabel: string | null;
  summary: string;
}

/**
 * The meter, complete without JavaScript. `data-meter-live` lets meter.js find it and follow the
 * drive's live stream (client/meter/view.ts#updateMeter fills the `data-meter-…` parts); the bar is a
 * progressbar whose value text reads the whole story.
 */
export function meterMarkup(meter: MeterFigures, options: { live?: boolean } = {}): Html {
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
    · <span data-meter-donors>${meter.donorsLabel}</span><span data-meter-days-part${meter.daysLeftLabel ? '' : html` hidden`}> · <span data-meter-days>${meter.daysLeftLabel ?? ''}</span></span>
  </p>
</div>`;
}

/**
 * The call to action under an article (and above an embedded discussion): the meter when a drive runs,
 * and a Donate button that remembers the article. From another site the button opens the site in a new tab.
 */
export function supportBoxMarkup(cta: string, meter: MeterFigures | null, donate: { href: string; newTab?: boolean }): Html {
  return html`<aside class="support-box" aria-labelledby="support-box-title">
  <h2 class="support-box__cta" id="support-box-title">${cta}</h2>
  ${meter ? meterMarkup(meter) : ''}
  <p><a class="button support-box__button" href="${donate.href}"${donate.newTab ? html` target="_blank" rel="noopener"` : ''}>Donate</a></p>
</aside>`;
}
