import type { FastifyInstance, FastifyRequest } from 'fastify';
import { defineErrors } from './errors.js';

export const inputErrors = defineErrors({
  TEXT_NOT_UNICODE: { status: 400, message: 'The text contains a broken character (a lone UTF-16 surrogate); send valid Unicode.' },
  TEXT_HAS_NUL: { status: 400, message: 'The text contains a NUL character, which cannot be stored.' },
  NUMBER_NOT_FINITE: { status: 400, message: 'The number is too large or not a number.' },
});

type Part = 'params' | 'query' | 'body';
const PARTS: Part[] = ['params', 'query', 'body'];

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The edge checks that no schema can express, for every route at once:
 * - before validation, every string and key of params, query and body must be storable text. A lone
 *   surrogate (JSON's `"\ud800"`) is refused, not replaced: the writer learns their text is broken
 *   instead of finding it silently changed, and nothing invalid reaches the database as UTF-8 or
 *   an index. NUL is refused too: PostgreSQL cannot store it in text.
 * - before and after validation, no number may be infinite or NaN: Ajv coerces `page=1e309` or
 *   `Infinity` to Infinity and then skips `maximum` for non-finite numbers, so the schema alone lets
 *   it through.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of PARTS) {
      const found = findInput(request[part], (value) => typeof value === 'string' && (LONE_SURROGATE.test(value) || value.includes('\u0000')));
      if (found) {
        const code = LONE_SURROGATE.test(found.value as string) ? 'TEXT_NOT_UNICODE' : 'TEXT_HAS_NUL';
        throw inputErrors.raise(code, `${label(part, found.path)}: ${inputErrors.specs[code].message}`, found.path || undefined);
      }
    }
    // Before coercion too: a JSON `1e309` parses to Infinity, which Ajv would turn into the word
    // "Infinity" in a text field, where the check after validation no longer sees a number.
    refuseNonFinite(request);
  });
  app.addHook('preHandler', async (request) => refuseNonFinite(request));
}

function refuseNonFinite(request: FastifyRequest): void {
  for (const part of PARTS) {
    const found = findInput(request[part], (value) => typeof value === 'number' && !Number.isFinite(value));
    if (found) throw inputErrors.raise('NUMBER_NOT_FINITE', `${label(part, found.path)} must be a finite number.`, found.path || undefined);
  }
}

function label(part: Part, path: string): string {
  return path || (part === 'body' ? 'the request body' : part);
}

/**
 * The first value (or object key) for which `bad` holds, depth-first without recursion, so a deeply
 * nested body cannot overflow the stack. Buffers (raw bodies such as signed webhooks) are not text.
 */
function findInput(root: FastifyRequest['body'], bad: (value: unknown) => boolean): { path: string; value: unknown } | undefined {
  const stack: { path: string; value: unknown }[] = [{ path: '', value: root }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (bad(item.value)) return item;
    const { value } = item;
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) continue;
    for (const key of Object.keys(value)) {
      const path = item.path ? `${item.path}.${key}` : key;
      if (bad(key)) return { path: item.path, value: key };
      stack.push({ path, value: (value as Record<string, unknown>)[key] });
    }
  }
  return undefined;
}
