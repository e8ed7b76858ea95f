/** Where progress goes: stderr in the CLI, a buffer in tests. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  label: string;
  /** Size of the input; the fraction read drives the bar and the ETA. 0 when unknown. */
  totalBytes: number;
  output: ProgressOutput;
  /** Milliseconds clock (tests drive it). */
  clock?: () => number;
  /** Without a terminal: one line every this many items. */
  everyItems?: number;
  /** On a terminal: redraw at most this often. */
  redrawMs?: number;
}

export interface Progress {
  update(items: number, bytes: number): void;
  /** Clears the bar (on a terminal) and prints the final line. */
  finish(items: number, bytes: number): void;
}

const BAR_WIDTH = 24;

/**
 * On a terminal, a bar redrawn in place with items per second and the time left; otherwise (a log file,
 * CI) a plain line every `everyItems` items, because carriage returns make logs unreadable.
 */
export function createProgress(options: ProgressOptions): Progress {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const tty = options.output.isTTY === true;
  const everyItems = options.everyItems ?? 10_000;
  const redrawMs = options.redrawMs ?? 100;
  let lastDraw = -Infinity;
  let nextLineAt = everyItems;

  function stats(items: number, bytes: number) {
    const elapsed = Math.max(clock() - started, 1) / 1000;
    const fraction = options.totalBytes > 0 ? Math.min(bytes / options.totalBytes, 1) : 0;
    const rate = items / elapsed;
    const eta = fraction > 0 && fraction < 1 ? (elapsed * (1 - fraction)) / fraction : fraction >= 1 ? 0 : undefined;
    return { elapsed, fraction, rate, eta };
  }

  function describe(items: number, bytes: number): string {
    const { fraction, rate, eta } = stats(items, bytes);
    const percent = options.totalBytes > 0 ? `${Math.floor(fraction * 100)}%` : formatBytes(bytes);
    return `${percent} · ${items.toLocaleString('en-US')} items · ${Math.round(rate).toLocaleString('en-US')} items/s · ETA ${eta === undefined ? '?' : formatDuration(eta)}`;
  }

  function bar(bytes: number): string {
    const { fraction } = stats(0, bytes);
    const filled = Math.round(fraction * BAR_WIDTH);
    return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
  }

  return {
    update(items, bytes) {
      if (tty) {
        const now = clock();
        if (now - lastDraw < redrawMs) return;
        lastDraw = now;
        const line = `${options.label} ${bar(bytes)} ${describe(items, bytes)}`;
        options.output.write(`\r\x1b[2K${line.slice(0, Math.max((options.output.columns ?? 100) - 1, 20))}`);
      } else if (items >= nextLineAt) {
        nextLineAt = (Math.floor(items / everyItems) + 1) * everyItems;
        options.output.write(`${options.label}: ${describe(items, bytes)}\n`);
      }
    },
    finish(items, bytes) {
      const { elapsed, rate } = stats(items, bytes);
      if (tty) options.output.write('\r\x1b[2K');
      options.output.write(
        `${options.label}: done · ${items.toLocaleString('en-US')} items in ${formatDuration(elapsed)} · ${Math.round(rate).toLocaleString('en-US')} items/s\n`,
      );
    },
  };
}

export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours > 0) return `${hours}h${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m${String(rest).padStart(2, '0')}s`;
  return `${rest}s`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} kB`;
}
