// The meter's markup and its updates, shared by meter.js and the comment widget's embedded support box.
// The server already formats every figure, so this code never does money arithmetic.

export interface MeterData {
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

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An element with a class, an empty marker attribute (`data-meter-…`) and children, set as text. */
function node(tag: string, className: string, marker: string, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  if (marker) element.setAttribute(marker, '');
  element.append(...children);
  return element;
}

/** Builds the same markup the server renders, with text only (no HTML from the network). */
export function buildMeter(data: MeterData): HTMLElement {
  const root = node('div', 'tribune-meter', '');
  root.setAttribute('data-meter-live', data.driveId);
  const bar = node('div', 'tribune-meter__bar', 'data-meter-bar', node('span', 'tribune-meter__fill', 'data-meter-fill'));
  for (const [name, value] of [['role', 'progressbar'], ['aria-valuemin', '0'], ['aria-valuemax', '100']]) bar.setAttribute(name, value);
  const ticks = node('ol', 'tribune-meter__ticks', '', ...data.ticks.map((tick) => node('li', 'money', '', tick.label)));
  ticks.setAttribute('aria-hidden', 'true');
  const of = node('span', 'tribune-meter__of', '', 'of ', node('span', 'money', '', data.goalLabel), ' (', node('span', '', 'data-meter-percent'), '%)');
  const figures = node('p', 'tribune-meter__figures', '', node('strong', 'money tribune-meter__raised', 'data-meter-raised'), ' raised ', of,
    ' · ', node('span', '', 'data-meter-donors'), ' · ', node('span', '', 'data-meter-days'));
  root.append(node('p', 'tribune-meter__title', '', data.title), bar, ticks, figures);
  updateMeter(root, data);
  return root;
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
