// The donation meter in the browser, bundled to /assets/meter.js. Two jobs:
//  1. Live updates: server-rendered meters (`[data-meter-live]`) follow the drive's SSE stream.
//  2. Embedding: on another site, `<div data-tribune-meter></div>` + this script draws the meter there.
// The server already formats every figure, so this script never does money arithmetic.

interface MeterData {
  driveId: string;
  title: string;
  cta: string;
  percent: number;
  fill: number;
  ticks: { minor: number; label: string }[];
  raisedLabel: string;
  goalLabel: string;
  donorsLabel: string;
  daysLeftLabel: string | null;
  summary: string;
  donateUrl: string;
}

const script = document.currentScript as HTMLScriptElement | null;
const origin = script?.src ? new URL(script.src).origin : location.origin;

const STYLE = `.tribune-meter{font:inherit;margin:1rem 0}.tribune-meter__title{font-weight:600;margin:0 0 .4rem}
.tribune-meter__bar{height:1rem;border-radius:999px;background:#eee;border:1px solid #ddd;overflow:hidden}
.tribune-meter__fill{display:block;height:100%;background:#b3261e;transition:width .6s ease}
.tribune-meter--reached .tribune-meter__fill{background:#1e6b3a}
.tribune-meter__ticks{list-style:none;display:flex;justify-content:space-between;margin:.25rem 0 0;padding:0;font-size:.85em;opacity:.75}
.tribune-meter .money{white-space:nowrap}.tribune-meter__figures{margin:.4rem 0}.tribune-meter__raised{font-size:1.3em}
.tribune-meter__donate{display:inline-block;padding:.4rem 1rem;border-radius:6px;background:#b3261e;color:#fff;text-decoration:none}`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Builds the same markup the server renders, with textContent only (no HTML from the network). */
function build(data: MeterData): HTMLElement {
  const root = el('div', 'tribune-meter');
  root.setAttribute('data-meter-live', data.driveId);
  root.append(el('p', 'tribune-meter__title', data.title));
  const bar = el('div', 'tribune-meter__bar');
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  bar.setAttribute('data-meter-bar', '');
  const fill = el('span', 'tribune-meter__fill');
  fill.setAttribute('data-meter-fill', '');
  bar.append(fill);
  const ticks = el('ol', 'tribune-meter__ticks');
  ticks.setAttribute('aria-hidden', 'true');
  for (const tick of data.ticks) ticks.append(el('li', 'money', tick.label));
  const figures = el('p', 'tribune-meter__figures');
  const raised = el('strong', 'money tribune-meter__raised');
  raised.setAttribute('data-meter-raised', '');
  const donors = el('span', '');
  donors.setAttribute('data-meter-donors', '');
  const days = el('span', '');
  days.setAttribute('data-meter-days', '');
  const percent = el('span', '');
  percent.setAttribute('data-meter-percent', '');
  const of = el('span', 'tribune-meter__of');
  of.append('of ', el('span', 'money', data.goalLabel), ' (', percent, '%)');
  figures.append(raised, ' raised ', of, ' · ', donors, ' · ', days);
  root.append(bar, ticks, figures);
  update(root, data);
  return root;
}

function update(root: Element, data: MeterData): void {
  root.classList.toggle('tribune-meter--reached', data.percent >= 100);
  const bar = root.querySelector('[data-meter-bar]');
  if (bar) {
    bar.setAttribute('aria-valuenow', String(Math.min(100, data.percent)));
    bar.setAttribute('aria-valuetext', data.summary);
    bar.setAttribute('aria-label', data.title);
  }
  const fill = root.querySelector<HTMLElement>('[data-meter-fill]');
  if (fill) fill.style.width = `${data.fill}%`;
  const set = (selector: string, text: string | null) => {
    const node = root.querySelector(selector);
    if (node && text !== null) node.textContent = text;
  };
  set('[data-meter-raised]', data.raisedLabel);
  set('[data-meter-donors]', data.donorsLabel);
  set('[data-meter-percent]', String(data.percent));
  set('[data-meter-days]', data.daysLeftLabel);
  const ticks = root.querySelectorAll('.tribune-meter__ticks li');
  data.ticks.forEach((tick, i) => {
    if (ticks[i]) ticks[i].textContent = tick.label;
  });
}

function follow(onMeter: (data: MeterData | null) => void): void {
  if (typeof EventSource === 'undefined') return;
  const source = new EventSource(`${origin}/api/drives/current/live`);
  source.addEventListener('meter', (event) => {
    try {
      onMeter((JSON.parse((event as MessageEvent<string>).data) as { meter: MeterData | null }).meter);
    } catch {
      // A malformed message is skipped; the next one replaces it.
    }
  });
}

function liveMeters(): Element[] {
  return Array.from(document.querySelectorAll('[data-meter-live]'));
}

async function embed(slots: HTMLElement[]): Promise<void> {
  const response = await fetch(`${origin}/api/drives/current`, { headers: { accept: 'application/json' } });
  if (!response.ok) return;
  const data = (await response.json()) as MeterData;
  if (!document.getElementById('tribune-meter-style')) {
    const style = el('style', '', STYLE);
    style.id = 'tribune-meter-style';
    document.head.append(style);
  }
  for (const slot of slots) {
    slot.replaceChildren(build(data));
    const link = el('a', 'tribune-meter__donate', slot.dataset.label || 'Donate');
    link.href = data.donateUrl;
    link.target = '_blank';
    link.rel = 'noopener';
    slot.append(link);
  }
}

function start(): void {
  const slots = Array.from(document.querySelectorAll<HTMLElement>('[data-tribune-meter]'));
  const ready = slots.length > 0 ? embed(slots).catch(() => undefined) : Promise.resolve();
  void ready.then(() => {
    if (liveMeters().length === 0) return;
    follow((data) => {
      if (!data) return;
      for (const root of liveMeters()) {
        if (root.getAttribute('data-meter-live') === data.driveId) update(root, data);
      }
    });
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
