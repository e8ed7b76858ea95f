import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registries, type ErrorSpec } from './errors.js';

const SRC = fileURLToPath(new URL('.', import.meta.url));

/** Every source file that defines an error registry; importing it fills `registries`. */
function registryFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return registryFiles(path);
    if (!name.endsWith('.ts') || /\.(test|e2e|scaleout|slow)\.ts$/.test(name)) return [];
    return /\bdefineErrors\(/.test(readFileSync(path, 'utf8')) ? [path] : [];
  });
}

/** Codes that two registries (or one twice over) both define: the client could not tell them apart. */
export function sharedCodes(all: readonly Record<string, ErrorSpec>[]): string[] {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const registry of new Set(all)) {
    for (const code of Object.keys(registry)) {
      if (seen.has(code)) shared.add(code);
      seen.add(code);
    }
  }
  return [...shared].sort();
}

describe('error codes', () => {
  it('finds a code two registries share (the check below can fail)', () => {
    const spec = { status: 400, message: 'x' };
    expect(sharedCodes([{ A: spec, B: spec }, { C: spec }])).toEqual([]);
    expect(sharedCodes([{ A: spec, B: spec }, { B: spec }, { A: spec }])).toEqual(['A', 'B']);
  });

  it('are unique across every registry in src/, each a 4xx or 5xx with a message', async () => {
    const files = registryFiles();
    for (const file of files) await import(file);
    expect(files.length, files.map((file) => relative(SRC, file)).join(', ')).toBeGreaterThan(10);
    expect(registries.length).toBeGreaterThanOrEqual(files.length);
    expect(sharedCodes(registries)).toEqual([]);
    for (const registry of registries) {
      for (const [code, spec] of Object.entries(registry)) {
        expect(code, code).toMatch(/^[A-Z][A-Z0-9_]*$/);
        expect(spec.status, code).toBeGreaterThanOrEqual(400);
        expect(spec.status, code).toBeLessThan(600);
        expect(spec.message.trim(), code).not.toBe('');
      }
    }
  });
});
