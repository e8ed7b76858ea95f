// The moderation queue, keyboard-driven: j/k move, a approves, r rejects (asking why), x selects,
// ? shows help. Every action is also a plain form on the page; this script sends the same actions
// as JSON, keeps focus where the moderator is, and announces what happened.
import { ApiError, apiUrlFor, formBody, postJson, type ActionResponse } from './api.js';
import { startLive, updateCounts } from './live.js';
import { askRejectReason } from './reject-dialog.js';

const list = document.querySelector<HTMLElement>('[data-queue]');
const announcer = document.querySelector<HTMLElement>('[data-announcer]');
const tab = list?.dataset.tab ?? '';
const ownActions = new Set<string>();
/** Tabs an item leaves once decided; elsewhere it stays and shows its new status. */
const LEAVES = new Set(['pending', 'reported', 'rejected']);

function announce(message: string): void {
  if (!announcer) return;
  announcer.textContent = '';
  // A fresh text node is read out even when the same message repeats.
  window.setTimeout(() => (announcer.textContent = message), 30);
}

function items(): HTMLElement[] {
  return list ? [...list.querySelectorAll<HTMLElement>('.mod-item')] : [];
}

let current = -1;

function focusItem(index: number): void {
  const all = items();
  if (all.length === 0) {
    current = -1;
    list?.querySelector<HTMLElement>('.mod-empty')?.focus();
    return;
  }
  current = Math.max(0, Math.min(index, all.length - 1));
  all.forEach((item, i) => {
    item.classList.toggle('is-current', i === current);
    if (i === current) item.setAttribute('aria-current', 'true');
    else item.removeAttribute('aria-current');
  });
  all[current].focus();
  all[current].scrollIntoView({ block: 'nearest' });
}

function currentItem(): HTMLElement | undefined {
  return items()[current];
}

function authorOf(item: HTMLElement): string {
  return item.querySelector('h3 a')?.textContent?.trim() ?? 'the reader';
}

/** After a decision: the item leaves the tab (focus moves to the next one) or shows its status. */
function settle(item: HTMLElement, status: string): void {
  const index = items().indexOf(item);
  if (LEAVES.has(tab)) {
    item.remove();
    if (items().length === 0 && list) list.insertAdjacentHTML('afterbegin', '<p class="mod-empty" tabindex="-1">All done here.</p>');
    focusItem(index);
  } else {
    const badge = item.querySelector('h3 .badge');
    if (badge) {
      badge.textContent = status;
      badge.className = `badge badge--${status}`;
    }
    item.classList.add('is-done');
  }
  updateSelectedCount();
}

function applyResponse(response: ActionResponse): void {
  if (response.counts) updateCounts(response.counts);
  const reader = response.reader;
  if (reader) {
    for (const element of document.querySelectorAll<HTMLElement>(`[data-reader-status="${reader.id}"] [data-reader-badges]`)) {
      const status = reader.status === 'suspended' && reader.suspendedUntil ? `suspended until ${new Date(reader.suspendedUntil).toLocaleString()}` : reader.status;
      element.textContent = `${status}${reader.premoderate ? ' · pre-moderated' : ''}`;
    }
  }
}

async function run(item: HTMLElement | null, url: string, body: Record<string, unknown>, done: string): Promise<void> {
  const id = item?.dataset.commentId;
  if (id) ownActions.add(id);
  item?.setAttribute('aria-busy', 'true');
  try {
    const response = await postJson(url, body);
    applyResponse(response);
    if (item && response.comment?.ok) settle(item, response.comment.status ?? '');
    const guest = response.guest;
    const badges = item?.querySelector<HTMLElement>('[data-guest-status] [data-reader-badges]');
    if (guest && badges) badges.textContent = guest.status === 'suspended' && guest.until ? `suspended until ${new Date(guest.until).toLocaleString()}` : guest.status;
    announce(done);
  } catch (error) {
    announce(error instanceof ApiError ? error.message : 'That did not work; check the connection and try again.');
  } finally {
    item?.removeAttribute('aria-busy');
  }
}

async function approve(item: HTMLElement): Promise<void> {
  await run(item, `/api/admin/moderation/comments/${item.dataset.commentId}/approve`, {}, `Approved the comment by ${authorOf(item)}.`);
}

async function reject(item: HTMLElement): Promise<void> {
  const answer = await askRejectReason();
  item.focus();
  if (!answer) return;
  await run(item, `/api/admin/moderation/comments/${item.dataset.commentId}/reject`, { ...answer }, `Rejected the comment by ${authorOf(item)}.`);
}

function selected(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>('.mod-select:checked')];
}

function updateSelectedCount(): void {
  const count = document.querySelector<HTMLElement>('[data-selected-count]');
  if (count) count.textContent = `${selected().length} selected`;
}

function toggleSelect(item: HTMLElement): void {
  const box = item.querySelector<HTMLInputElement>('.mod-select');
  if (!box) return;
  box.checked = !box.checked;
  item.classList.toggle('is-selected', box.checked);
  updateSelectedCount();
}

async function bulk(form: HTMLFormElement, submitter: HTMLElement | null): Promise<void> {
  const body = formBody(form, submitter);
  const ids = selected().map((box) => box.value);
  if (ids.length === 0) return announce('Select at least one comment first (x).');
  try {
    const response = await postJson('/api/admin/moderation/bulk', { ...body, ids });
    for (const id of ids) ownActions.add(id);
    applyResponse(response);
    const results = response.results ?? [];
    for (const result of results.filter((r) => r.ok)) {
      const item = document.getElementById(`item-${result.commentId}`);
      if (item) settle(item, result.status ?? '');
    }
    const failed = results.filter((r) => !r.ok);
    announce(`${results.length - failed.length} done${failed.length ? `, ${failed.length} failed: ${failed[0].error?.message ?? ''}` : ''}.`);
  } catch (error) {
    announce(error instanceof ApiError ? error.message : 'That did not work.');
  }
}

/** Keys go to the field being filled in, not to the shortcuts (a checkbox is not filled in). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'submit', 'button'].includes(target.type);
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function onKey(event: KeyboardEvent): void {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target) || document.querySelector('dialog[open]')) return;
  const item = currentItem();
  const keys: Record<string, () => void> = {
    j: () => focusItem(current + 1),
    k: () => focusItem(current - 1),
    a: () => item && void approve(item),
    r: () => item && void reject(item),
    x: () => item && toggleSelect(item),
    o: () => item && location.assign(`/admin/moderation/comments/${item.dataset.commentId}`),
    n: () => document.querySelector<HTMLButtonElement>('[data-new-bar]:not([hidden]) [data-show-new]')?.click(),
    '?': () => document.querySelector<HTMLDialogElement>('#mod-help')?.showModal(),
  };
  const action = keys[event.key];
  if (!action) return;
  event.preventDefault();
  action();
}

function enhance(): void {
  if (!list) {
    // The dashboard's moderation box: only its counts follow the stream.
    if (document.querySelector('[data-live-counts]')) startLive({ tab: '', isShown: () => true, ownActions, onHandledElsewhere: () => undefined });
    return;
  }
  document.querySelector<HTMLElement>('[data-help-open]')?.removeAttribute('hidden');
  document.querySelector('[data-help-open]')?.addEventListener('click', () => document.querySelector<HTMLDialogElement>('#mod-help')?.showModal());
  list.setAttribute('aria-keyshortcuts', 'j k a r x o ?');
  for (const item of items()) {
    item.querySelector('[data-action="approve"]')?.setAttribute('aria-keyshortcuts', 'a');
    item.addEventListener('focusin', () => {
      const index = items().indexOf(item);
      if (index !== current) {
        current = index;
        items().forEach((other) => other.classList.toggle('is-current', other === item));
      }
    });
  }
  document.addEventListener('keydown', onKey);
  document.addEventListener('change', (event) => {
    const box = event.target as HTMLElement;
    if (box.classList?.contains('mod-select')) {
      box.closest('.mod-item')?.classList.toggle('is-selected', (box as HTMLInputElement).checked);
      updateSelectedCount();
    }
  });
  // The plain forms, sent as JSON so the page stays where it is.
  document.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    if (form.id === 'bulk-form') {
      event.preventDefault();
      void bulk(form, event.submitter);
      return;
    }
    const url = apiUrlFor(form);
    if (!url || form.method.toLowerCase() !== 'post') return;
    event.preventDefault();
    const item = form.closest<HTMLElement>('.mod-item');
    const label = event.submitter?.textContent?.trim() ?? 'Done';
    form.closest('details')?.removeAttribute('open');
    void run(item, url, formBody(form, event.submitter), `${label}: done.`);
  });
  startLive({
    tab,
    isShown: (id) => document.getElementById(`item-${id}`) !== null,
    ownActions,
    onHandledElsewhere: (id, action) => {
      const item = document.getElementById(`item-${id}`);
      if (!item || item.classList.contains('is-handled')) return;
      item.classList.add('is-handled');
      item.querySelector('.mod-item__head')?.insertAdjacentHTML('beforeend', '<p class="mod-handled" role="status"></p>');
      const note = item.querySelector('.mod-handled');
      if (note) note.textContent = `Another moderator chose: ${action}.`;
    },
  });
}

enhance();
