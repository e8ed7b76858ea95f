// Calls to /api/admin/moderation: the same actions the page's forms post, as JSON.

import type { QueueActionJson } from '../../src/moderation-queue/contract.js';
import type { QueueCounts } from '../../src/moderation-queue/index.js';

/** The queue's tabs' counts, as the server's queue computes them. */
export type Counts = QueueCounts;

/** The JSON actions' answers: the routes' response schemas. */
export type ActionResponse = QueueActionJson;

export class ApiError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

function csrf(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
}

export async function postJson(url: string, body: Record<string, unknown>): Promise<ActionResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf() },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const data = (await response.json().catch(() => ({}))) as ActionResponse & { error?: string; message?: string };
  if (!response.ok) throw new ApiError(data.message ?? 'That did not work; reload the page and try again.', data.error ?? 'UNKNOWN');
  return data;
}

/** The JSON twin of a form's action: /admin/moderation/… → /api/admin/moderation/…. */
export function apiUrlFor(form: HTMLFormElement): string | null {
  const path = new URL(form.action, location.href).pathname;
  return path.startsWith('/admin/moderation/') ? `/api${path}` : null;
}

/** A form's fields as JSON, without the token and the no-JS return address. */
export function formBody(form: HTMLFormElement, submitter?: HTMLElement | null): Record<string, unknown> {
  const data = new FormData(form, submitter instanceof HTMLButtonElement ? submitter : undefined);
  const body: Record<string, unknown> = {};
  for (const [name, value] of data) {
    if (name === '_csrf' || name === 'returnTo' || typeof value !== 'string') continue;
    if (name === 'ids') body.ids = [...((body.ids as string[] | undefined) ?? []), value];
    else body[name] = value;
  }
  return body;
}
