/**
 * How long a wait may last before it is called hung: far beyond anything a loaded machine needs, and
 * below the tests' own hang guard (vitest.config.ts), so a condition that never comes is reported as
 * that condition rather than as a timed-out test. A wait that ends early is never a pass or a fail.
 */
export const HUNG_AFTER_MS = 180_000;

/** Resolves once `check` holds, checking every few milliseconds; `what` names it if it never does. */
export async function until(check: () => boolean | Promise<boolean>, what = 'a condition'): Promise<void> {
  const deadline = Date.now() + HUNG_AFTER_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${HUNG_AFTER_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves with `read()`'s value once it is defined (a mail that arrives, a row that appears). */
export async function eventually<T>(read: () => T | undefined | Promise<T | undefined>, what = 'a value'): Promise<T> {
  let value: T | undefined;
  await until(async () => (value = await read()) !== undefined, what);
  return value as T;
}
