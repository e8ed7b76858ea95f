// The editor's calls to /api/admin/media: upload a file, then describe it (alt text, caption, decorative).

import type { FromSchema } from 'json-schema-to-ts';
import type { mediaItemResponse } from '../../src/media/contract.js';

/** What the upload and edit routes answer (their response schema). */
export type MediaItemView = FromSchema<typeof mediaItemResponse>;

export interface ImageDescription {
  alt: string;
  caption: string;
  decorative: boolean;
}

/** A refusal in the server's words (`{error, message}`), e.g. "This file is not a JPEG, PNG, …". */
export class MediaApiError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

function csrf(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
}

async function send(url: string, init: RequestInit): Promise<MediaItemView> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', 'x-csrf-token': csrf(), ...init.headers }, credentials: 'same-origin' });
  } catch {
    throw new MediaApiError('The server could not be reached; check the connection and try again.', 'NETWORK');
  }
  const data = (await response.json().catch(() => ({}))) as Partial<MediaItemView> & { error?: string; message?: string };
  if (!response.ok || typeof data.id !== 'string') {
    throw new MediaApiError(data.message ?? `The upload failed (HTTP ${response.status}); try again.`, data.error ?? 'UNKNOWN');
  }
  return data as MediaItemView;
}

export function uploadImage(file: File): Promise<MediaItemView> {
  const form = new FormData();
  form.append('file', file, file.name || 'pasted-image');
  return send('/api/admin/media', { method: 'POST', body: form });
}

export function describeImage(id: string, description: ImageDescription): Promise<MediaItemView> {
  return send(`/api/admin/media/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(description),
  });
}
