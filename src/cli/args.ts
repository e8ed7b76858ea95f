import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The command was called wrongly: exit code 2. */
export class UsageError extends Error {}

/** The command cannot run as configured; the message says why and what to do: exit code 1. */
export class FatalError extends Error {}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
