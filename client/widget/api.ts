import type { Ctx } from './types.js';

export interface ApiError {
  status: number;
  error: string;
  message: string;
  reasons?: { message: string }[];
}

/**
 * JSON to and from the comment API. On the article page the CSRF token comes from the page's meta tag;
 * embedded on a listed site, the browser's Origin header vouches instead and cookies ride along.
 */
export async function api<T>(ctx: Ctx, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (ctx.csrf && method !== 'GET') headers['x-csrf-token'] = ctx.csrf;
  let response: Response;
  try {
    response = await fetch(ctx.api + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: ctx.embed ? 'include' : 'same-origin' });
  } catch {
    throw { status: 0, error: 'NETWORK', message: 'Could not reach the site. Check your connection and try again.' } satisfies ApiError;
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw { status: response.status, error: data.error ?? 'ERROR', message: data.message ?? 'Something went wrong.', reasons: data.reasons } satisfies ApiError;
  return data as T;
}
