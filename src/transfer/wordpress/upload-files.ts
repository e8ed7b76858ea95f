import { open } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

/** Where WordPress keeps uploaded files: `wp-content/uploads/2019/04/photo.jpg`. */
const UPLOADS = '/wp-content/uploads/';
/** WordPress's resized copies (`photo-1024x683.jpg`) and its stand-in for very large originals (`photo-scaled.jpg`). */
const SIZE_VARIANT = /-(?:\d{1,5}x\d{1,5}|scaled)(?=\.[a-z0-9]{2,5}$)/i;
const MAX_PATH = 500;

export interface UploadAddress {
  /** Inside the uploads folder, decoded: `2019/04/photo-1024x683.jpg`. */
  path: string;
  /** The address up to the uploads folder: `https://old.example.org/wp-content/uploads/`. */
  prefix: string;
  hostname: string;
}

/** The uploads file an address names, or null when it is not in an uploads folder (or not safe as a path). */
export function uploadAddress(url: string): UploadAddress | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const at = parsed.pathname.indexOf(UPLOADS);
  if (at < 0) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname.slice(at + UPLOADS.length));
  } catch {
    return null;
  }
  if (!isUploadPath(path)) return null;
  return { path, prefix: `${parsed.origin}${parsed.pathname.slice(0, at + UPLOADS.length)}`, hostname: parsed.hostname };
}

/** A relative path that stays inside the uploads folder (no `..`, no empty or backslashed segment). */
export function isUploadPath(path: string): boolean {
  return path.length > 0 && path.length <= MAX_PATH && path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..' && !segment.includes('\\'));
}

/** The original a resized copy was made from: every size of one photo is one image in the library. */
export function originalPath(path: string): string {
  return path.replace(SIZE_VARIANT, '');
}

export function uploadUrl(prefix: string, path: string): string {
  return `${prefix}${path.split('/').map(encodeURIComponent).join('/')}`;
}

export type Fetched = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** A file of the copied uploads folder; null when it is not there. */
export async function readUploadFile(folder: string, path: string, maxBytes: number): Promise<Fetched | null> {
  const root = resolve(folder);
  const file = join(root, ...path.split('/'));
  if (!file.startsWith(root + sep)) return null;
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return null;
  }
  try {
    const { size, isFile } = await handle.stat().then((stats) => ({ size: stats.size, isFile: stats.isFile() }));
    if (!isFile) return null;
    if (size > maxBytes) return { ok: false, reason: tooLarge(maxBytes) };
    return { ok: true, bytes: await handle.readFile() };
  } finally {
    await handle.close();
  }
}

/** Downloads a file from the old site, refusing it once it passes `maxBytes` rather than after. */
export async function downloadUpload(url: string, maxBytes: number, timeoutMs: number): Promise<Fetched> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal, redirect: 'follow' });
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => {});
      return { ok: false, reason: `the old site answered HTTP ${response.status}` };
    }
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
      await response.body.cancel().catch(() => {});
      return { ok: false, reason: tooLarge(maxBytes) };
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, reason: tooLarge(maxBytes) };
      }
      chunks.push(value);
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: `no complete answer within ${Math.round(timeoutMs / 1000)} s` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, reason: `could not be downloaded (${cause?.code ?? cause?.message ?? (error as Error).message})` };
  }
}

function tooLarge(maxBytes: number): string {
  return `larger than the upload limit of ${Math.round(maxBytes / 1e5) / 10} MB`;
}
