import { readFileSync } from 'node:fs';

/** A process's resident memory now and at its peak, from Linux's /proc (elsewhere: says so). */
export function processMemory(pid: number): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
    return `${field('VmRSS').toFixed(0)} MB now, ${field('VmHWM').toFixed(0)} MB peak`;
  } catch {
    return 'unknown (no /proc)';
  }
}
