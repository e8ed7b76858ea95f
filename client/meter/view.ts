// The meter in the browser: drawn with the server's own markup (src/donations/markup/meter.ts, through
// the domain's browser.ts), then kept up to date from the live stream. The server formats every figure,
// so this code never does money arithmetic.

import { meterMarkup } from '../../src/donations/browser.js';
import type { MeterJson } from '../../src/donations/contract.js';
import { element } from '../markup/element.js';

/** `GET /api/drives/current` and the live stream's `meter`: the route's response schema. */
export type MeterData = MeterJson;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function buildMeter(data: MeterData): HTMLElement {
  return element(meterMarkup(data));
}

export function updateMeter(root: Element, data: MeterData): void {
  root.classList.toggle('tribune-meter--reached', data.percent >= 100);
  const bar = root.querySelector('[data-meter-bar]');
  if (bar) {
    bar.setAttribute('aria-valuenow', String(Math.min(100, data.percent)));
    bar.setAttribute('aria-valuetext', data.summary);
    bar.setAttribute('aria-label', data.title);
  }
  const fill = root.querySelector<HTMLElement>('[data-meter-fill]');
  if (fill) fill.style.width = `${data.fill}%`;
  const set = (selector: string, text: string) => {
    const node = root.querySelector(selector);
    if (node) node.textContent = text;
  };
  set('[data-meter-raised]', data.raisedLabel);
  set('[data-meter-donors]', data.donorsLabel);
  set('[data-meter-percent]', String(data.percent));
  set('[data-meter-days]', data.daysLeftLabel ?? '');
  root.querySelector('[data-meter-days-part]')?.toggleAttribute('hidden', !data.daysLeftLabel);
  const ticks = root.querySelectorAll('.tribune-meter__ticks li');
  data.ticks.forEach((tick, i) => {
    if (ticks[i]) ticks[i].textContent = tick.label;
  });
}
