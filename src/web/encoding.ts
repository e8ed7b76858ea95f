export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The best of the encodings we hold that the client's Accept-Encoding allows (RFC 9110 §12.5.3): the
 * highest q-value wins, ties go to the order we prefer (br, then gzip); `*` stands for any encoding not
 * named; identity is acceptable (last) unless refused by name or by `*;q=0`; `x-gzip` is gzip. Null
 * when the client refused every one, identity included.
 */
export function negotiateEncoding(header: string | undefined, available: readonly Encoding[] = ['br', 'gzip', 'identity']): Encoding | null {
  if (header === undefined) return available.includes('identity') ? 'identity' : available[0] ?? null;
  const weights = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [token, ...params] = part.trim().split(';');
    const name = token?.trim() === 'x-gzip' ? 'gzip' : token?.trim();
    if (!name) continue;
    const q = params.map((param) => /^\s*q\s*=(.*)$/.exec(param)?.[1]).find((value) => value !== undefined);
    // A q-value we cannot read counts as a refusal, not as a wish.
    const weight = q === undefined ? 1 : /^\s*[01](\.\d{0,3})?\s*$/.test(q) ? Number(q) : 0;
    weights.set(name, Number.isFinite(weight) ? Math.min(1, Math.max(0, weight)) : 0);
  }
  const star = weights.get('*');
  // Unnamed, identity is acceptable but last choice: a client that names gzip at any q wants gzip.
  const weightOf = (encoding: Encoding): number => weights.get(encoding) ?? (encoding === 'identity' ? (star === 0 ? 0 : 0.001) : (star ?? 0));
  let best: Encoding | null = null;
  let bestWeight = 0;
  for (const encoding of available) {
    const weight = weightOf(encoding);
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}
