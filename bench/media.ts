/**
 * Media bench: how long an upload takes to become its stored files (POST /api/admin/media over
 * loopback HTTP, the route editors use, with the server's peak memory), and what an article page with
 * a featured image and two body images makes a browser download, against serving the photographer's
 * originals as they were uploaded.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { multipart } from '../src/media/testing/images.js';
import { startChildServer } from './child-server.js';
import type { Bench } from './run.js';

const MEGAPIXELS = (process.env.BENCH_MEGAPIXELS ?? '2,6,12,24').split(',').map(Number);
const RUNS = Number(process.env.BENCH_MEDIA_RUNS ?? 3);
/** Viewport width in CSS pixels and device pixel ratio: a phone, a laptop, a high-density laptop. */
const VIEWPORTS = [{ width: 375, dpr: 2 }, { width: 1280, dpr: 1 }, { width: 1280, dpr: 2 }] as const;

interface Server {
  origin: string;
  cookie: string;
  csrf: string;
}

async function startServer() {
  const { info: server, pid, stop } = await startChildServer<Server>('./media-server.ts');
  return { server, pid, stop };
}

/** Linux keeps a process's peak resident memory; writing 5 to clear_refs starts it again from now. */
function resetPeakMemory(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not Linux: the peak printed is then the peak since the server started.
  }
}

function peakMemoryMb(pid: number): number {
  try {
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

/** A random image this small, enlarged: smooth shapes at that scale. */
async function enlargedNoise(cellsWide: number, cellsHigh: number, width: number, height: number, kernel: 'cubic' | 'linear'): Promise<Buffer> {
  const cells = Buffer.alloc(cellsWide * cellsHigh * 3);
  for (let i = 0; i < cells.length; i++) cells[i] = Math.floor(Math.random() * 256);
  return sharp(cells, { raw: { width: cellsWide, height: cellsHigh, channels: 3 } }).resize(width, height, { kernel, fit: 'fill' }).raw().toBuffer();
}

/**
 * A 3:2 camera-like JPEG: broad colour areas (an out-of-focus background), texture at a few pixels'
 * scale, a light gradient and sensor grain, so it compresses about as a photograph does (not as a flat
 * test gradient would).
 */
async function photoLike(megapixels: number): Promise<{ bytes: Buffer; width: number; height: number }> {
  const width = Math.round(Math.sqrt(megapixels * 1e6 * 1.5));
  const height = Math.round(width / 1.5);
  const broad = await enlargedNoise(9, 6, width, height, 'cubic');
  const texture = await enlargedNoise(Math.ceil(width / 6), Math.ceil(height / 6), width, height, 'linear');
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0, at = 0; y < height; y++) {
    const light = (y / height) * 40 - 20;
    for (let x = 0; x < width; x++) {
      for (let channel = 0; channel < 3; channel++, at++) {
        const grain = (Math.random() + Math.random() - 1) * 14;
        pixels[at] = Math.max(0, Math.min(255, broad[at] * 0.7 + texture[at] * 0.3 - 12 + light + grain));
      }
    }
  }
  const bytes = await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
  return { bytes, width, height };
}

interface Uploaded {
  id: string;
  files: { url: string; width: number; format: string; bytes: number }[];
}

async function upload(server: Server, bytes: Buffer, filename: string, alt: string): Promise<Uploaded> {
  const body = multipart({ bytes, filename, type: 'image/jpeg' }, { alt });
  const response = await fetch(`${server.origin}/api/admin/media`, {
    method: 'POST', headers: { ...body.headers, cookie: server.cookie, 'x-csrf-token': server.csrf }, body: new Uint8Array(body.payload),
  });
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Uploaded;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A CSS length as `sizes` allows it here: px, rem/em (16 px), vw, and calc() of two of them. */
function cssPixels(length: string, viewport: number): number {
  const text = length.trim();
  const calc = /^calc\((.+?)\s+([-+])\s+(.+)\)$/.exec(text);
  if (calc) return cssPixels(calc[1], viewport) + (calc[2] === '-' ? -1 : 1) * cssPixels(calc[3], viewport);
  const unit = /^([\d.]+)(px|rem|em|vw)$/.exec(text);
  if (!unit) throw new Error(`unsupported length in sizes: ${text}`);
  const value = Number(unit[1]);
  return unit[2] === 'px' ? value : unit[2] === 'vw' ? (value * viewport) / 100 : value * 16;
}

/** The slot width `sizes` gives at this viewport: the first entry whose media condition holds. */
function slotWidth(sizes: string, viewport: number): number {
  for (const entry of sizes.split(',')) {
    const condition = /^\s*\((min|max)-width:\s*([^)]+)\)\s+(.+)$/.exec(entry);
    if (!condition) return cssPixels(entry, viewport);
    const bound = cssPixels(condition[2], viewport);
    if (condition[1] === 'min' ? viewport >= bound : viewport <= bound) return cssPixels(condition[3], viewport);
  }
  return viewport;
}

/** As browsers choose from a `w` srcset: the narrowest candidate at least slot × DPR wide, else the widest. */
function chosenCandidate(srcset: string, sizes: string, viewport: { width: number; dpr: number }): string {
  const candidates = srcset.split(',').map((entry) => {
    const [url, descriptor] = entry.trim().split(/\s+/);
    return { url, width: Number(descriptor.replace(/w$/, '')) };
  }).sort((a, b) => a.width - b.width);
  const needed = slotWidth(sizes, viewport.width) * viewport.dpr;
  return (candidates.find((candidate) => candidate.width >= needed) ?? candidates[candidates.length - 1]).url;
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '';

/** Each <picture> on the page: the AVIF source's srcset and sizes, and the JPEG <img>'s. */
function pictures(page: string): { avif: { srcset: string; sizes: string }; jpeg: { srcset: string; sizes: string } }[] {
  return [...page.matchAll(/<picture[^>]*>([\s\S]*?)<\/picture>/g)].map(([, inner]) => {
    const avif = /<source type="image\/avif"[^>]*>/.exec(inner)![0];
    const img = /<img\b[^>]*>/.exec(inner)![0];
    return { avif: { srcset: attribute(avif, 'srcset'), sizes: attribute(avif, 'sizes') }, jpeg: { srcset: attribute(img, 'srcset'), sizes: attribute(img, 'sizes') } };
  });
}

async function servedBytes(server: Server, url: string, cache: Map<string, number>): Promise<number> {
  if (!cache.has(url)) {
    const response = await fetch(`${server.origin}${url}`);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    cache.set(url, (await response.arrayBuffer()).byteLength);
  }
  return cache.get(url)!;
}

const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

async function run(): Promise<void> {
  const { server, pid, stop } = await startServer();
  try {
    // sharp's and the route's first use (thread pool, JIT) is not what a newsroom waits for.
    await upload(server, (await photoLike(0.5)).bytes, 'warm-up.jpg', 'Warm-up');
    const load = () => `load average   ${loadavg().map((value) => value.toFixed(2)).join(' ')}\n`;
    process.stdout.write(load());
    const uploads = new Map<number, { bytes: Buffer; item: Uploaded }>();
    const medians: { megapixels: number; ms: number }[] = [];
    process.stdout.write(`upload         ${'pixels'.padStart(11)} ${'file'.padStart(9)} ${'median'.padStart(9)} ${'per MP'.padStart(10)}   server peak RSS   (POST /api/admin/media over loopback HTTP, ${RUNS} run${RUNS === 1 ? '' : 's'} each, file store)\n`);
    for (const megapixels of MEGAPIXELS) {
      const image = await photoLike(megapixels);
      const times: number[] = [];
      resetPeakMemory(pid);
      let item: Uploaded | undefined;
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        item = await upload(server, image.bytes, `photo-${megapixels}mp.jpg`, `A ${megapixels} megapixel photograph`);
        times.push(performance.now() - started);
      }
      uploads.set(megapixels, { bytes: image.bytes, item: item! });
      const ms = median(times);
      const exact = (image.width * image.height) / 1e6;
      medians.push({ megapixels: exact, ms });
      process.stdout.write(`${`${megapixels} MP`.padEnd(14)} ${`${image.width}×${image.height}`.padStart(11)} ${mb(image.bytes.length).padStart(9)} ${`${ms.toFixed(0)} ms`.padStart(9)} ${`${(ms / exact).toFixed(0)} ms/MP`.padStart(10)}   ${peakMemoryMb(pid).toFixed(0)} MB\n`);
    }

    if (medians.length > 1) {
      const [smallest, largest] = [medians[0], medians[medians.length - 1]];
      // Derived files stop at 2000 px wide, so beyond that only decoding and the re-encoded original grow with the pixels.
      process.stdout.write(`marginal       ${((largest.ms - smallest.ms) / (largest.megapixels - smallest.megapixels)).toFixed(0)} ms per additional MP (${smallest.megapixels.toFixed(0)} → ${largest.megapixels.toFixed(0)} MP); the rest is the fixed cost of the derived widths and formats\n`);
    }

    // The article: the largest upload as its featured image, the next two in its body.
    const [featured, ...inBody] = [...uploads.values()].reverse();
    const body = [`An opening paragraph.`, ...inBody.slice(0, 2).map((entry, i) => `![Body photograph ${i + 1}](/media/${entry.item.id})\n\nA paragraph after it.`)].join('\n\n');
    const created = await fetch(`${server.origin}/api/admin/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: server.cookie, 'x-csrf-token': server.csrf },
      body: JSON.stringify({ title: 'Media bench story', body, featuredImageUrl: `/media/${featured.item.id}`, featuredImageAlt: 'The featured photograph', status: 'published' }),
    });
    if (created.status !== 201) throw new Error(`article answered ${created.status}: ${await created.text()}`);
    const page = await (await fetch(`${server.origin}/articles/media-bench-story`, { headers: { accept: 'text/html' } })).text();
    const found = pictures(page);
    if (found.length !== 3) throw new Error(`expected 3 <picture> on the article page, found ${found.length}`);
    const originals = [featured, ...inBody.slice(0, 2)].reduce((sum, entry) => sum + entry.bytes.length, 0);

    const cache = new Map<string, number>();
    const columns = VIEWPORTS.map((viewport) => `${viewport.width} px @${viewport.dpr}x`.padStart(14)).join('');
    process.stdout.write(`\npage images    ${columns}   (featured + 2 body images, <picture> with srcset/sizes as the page draws them)\n`);
    for (const [label, format] of [['AVIF browser', 'avif'], ['JPEG only', 'jpeg']] as const) {
      const cells: string[] = [];
      for (const viewport of VIEWPORTS) {
        let total = 0;
        for (const picture of found) total += await servedBytes(server, chosenCandidate(picture[format].srcset, picture[format].sizes, viewport), cache);
        cells.push(kb(total).padStart(14));
      }
      process.stdout.write(`${label.padEnd(14)} ${cells.join('')}\n`);
    }
    process.stdout.write(`${'originals'.padEnd(14)} ${VIEWPORTS.map(() => kb(originals).padStart(14)).join('')}   (the three uploads served as they came)\n`);
    process.stdout.write(load());
  } finally {
    await stop();
  }
}

export const mediaBench: Bench = {
  name: 'media',
  description: `upload processing time per megapixel (${MEGAPIXELS.join(', ')} MP JPEGs) with the server's peak memory, and image bytes an article page costs at 375 and 1280 px, AVIF and JPEG, against originals`,
  run,
};
