// The donation meter in the browser, bundled to /assets/meter.js. Two jobs:
//  1. Live updates: server-rendered meters (`[data-meter-live]`) follow the site's live stream.
//  2. Embedding: on another site, `<div data-tribune-meter></div>` + this script draws the meter there.
// The markup and its updates are in view.ts, shared with the comment widget's embedded support box.

import { liveHub } from '../live/hub.js';
import { buildMeter as build, el, updateMeter as update, type MeterData } from './view.js';

const script = document.currentScript as HTMLScriptElement | null;
const origin = script?.src ? new URL(script.src).origin : location.origin;

const STYLE = `.tribune-meter{font:inherit;margin:1rem 0}.tribune-meter__title{font-weight:600;margin:0 0 .4rem}
.tribune-meter__bar{height:1rem;border-radius:999px;background:#eee;border:1px solid #ddd;overflow:hidden}
.tribune-meter__fill{display:block;height:100%;background:#b3261e;transition:width .6s ease}
.tribune-meter--reached .tribune-meter__fill{background:#1e6b3a}
.tribune-meter__ticks{list-style:none;display:flex;justify-content:space-between;margin:.25rem 0 0;padding:0;font-size:.85em;opacity:.75}
.tribune-meter .money{white-space:nowrap}.tribune-meter__figures{margin:.4rem 0}.tribune-meter__raised{font-size:1.3em}
.tribune-meter__donate{display:inline-block;padding:.4rem 1rem;border-radius:6px;background:#b3261e;color:#fff;text-decoration:none}`;

function follow(onMeter: (data: MeterData | null) => void): void {
  // The page's one live stream, shared with the comment widget and every other tab of the site.
  liveHub(origin)?.meter((_type, data) => onMeter(data.meter));
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
