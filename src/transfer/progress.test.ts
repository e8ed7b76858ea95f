import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration } from './progress.js';

function output(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, columns: 120, write: (text: string) => void written.push(text) };
}

describe('progress', () => {
  it('draws a bar with items per second and the time left on a terminal, redrawn in place and throttled', () => {
    let now = 0;
    const out = output(true);
    const progress = createProgress({ label: 'import disqus', totalBytes: 1000, output: out, clock: () => now, redrawMs: 100 });
    now = 10_000;
    progress.update(5_000, 250);
    now = 10_050;
    progress.update(5_100, 260);
    expect(out.written).toEqual(['\r\x1b[2Kimport disqus [######------------------] 25% · 5,000 items · 500 items/s · ETA 30s']);
    now = 20_000;
    progress.finish(10_000, 1000);
    expect(out.written[1]).toBe('\r\x1b[2K');
    expect(out.written[2]).toBe('import disqus: done · 10,000 items in 20s · 500 items/s\n');
  });

  it('writes a plain line every N items when not on a terminal', () => {
    let now = 0;
    const out = output(false);
    const progress = createProgress({ label: 'import wordpress', totalBytes: 2000, output: out, clock: () => now, everyItems: 100 });
    for (let items = 1; items <= 250; items++) {
      now += 10;
      progress.update(items, items * 4);
    }
    expect(out.written).toEqual([
      'import wordpress: 20% · 100 items · 100 items/s · ETA 4s\n',
      'import wordpress: 40% · 200 items · 100 items/s · ETA 3s\n',
    ]);
    expect(out.written.join('')).not.toContain('\r');
  });

  it('formats durations', () => {
    expect([formatDuration(5), formatDuration(65), formatDuration(3_725)]).toEqual(['5s', '1m05s', '1h02m']);
  });
});
