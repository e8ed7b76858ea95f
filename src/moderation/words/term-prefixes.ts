import { SyntaxKind, type ParsedPattern } from 'obscenity';

/** Which listed patterns can start at a position, from the first one or two UTF-16 units there. */
export interface TermPrefixes {
  /** Term indices by their first two units (`first * 0x10000 + second`). */
  pairs: Map<number, number[]>;
  /** Term indices whose second unit can be anything (a wildcard), by their first. */
  singles: Map<number, number[]>;
  /** Terms that can start with anything, or match a single unit: tried everywhere. */
  everywhere: number[];
}

type Slot = number | 'any';

/**
 * Every way a pattern's first two units can read: optional parts present or absent, a wildcard as
 * 'any'. Patterns only match what they spell, so a position whose units are in none of a term's
 * prefixes cannot start it.
 */
function prefixes(pattern: ParsedPattern): Slot[][] {
  const out: Slot[][] = [];
  const walk = (node: number, taken: Slot[]): void => {
    if (taken.length >= 2 || node === pattern.nodes.length) {
      out.push(taken.slice(0, 2));
      return;
    }
    const current = pattern.nodes[node];
    if (current.kind === SyntaxKind.Optional) {
      walk(node + 1, taken);
      walk(node + 1, [...taken, ...slots(current.childNode)]);
    } else {
      walk(node + 1, [...taken, ...slots(current)]);
    }
  };
  walk(0, []);
  return out;
}

function slots(node: ParsedPattern['nodes'][number]): Slot[] {
  if (node.kind === SyntaxKind.Wildcard) return ['any'];
  if (node.kind === SyntaxKind.Literal) return node.chars.slice(0, 2).map((char) => (char > 0xffff ? 'any' : char));
  return ['any'];
}

export function termPrefixes(patterns: ParsedPattern[]): TermPrefixes {
  const index: TermPrefixes = { pairs: new Map(), singles: new Map(), everywhere: [] };
  const add = (map: Map<number, number[]>, key: number, term: number) => {
    const terms = map.get(key) ?? [];
    if (!terms.includes(term)) map.set(key, [...terms, term]);
  };
  patterns.forEach((pattern, term) => {
    const readings = prefixes(pattern);
    if (readings.some(([first, second]) => first === undefined || first === 'any' || second === undefined)) {
      index.everywhere.push(term);
      return;
    }
    for (const [first, second] of readings) {
      if (second === 'any') add(index.singles, first as number, term);
      else add(index.pairs, (first as number) * 0x10000 + (second as number), term);
    }
  });
  return index;
}
