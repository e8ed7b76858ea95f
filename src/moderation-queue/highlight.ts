const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

function decodeEntity(entity: string): string {
  const name = entity.slice(1, -1);
  if (name in NAMED) return NAMED[name];
  const code = /^#x([0-9a-f]+)$/i.test(name) ? parseInt(name.slice(2), 16) : /^#(\d+)$/.test(name) ? Number(name.slice(1)) : NaN;
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
}

/** Where the `needles` occur in `text` (case-insensitive), merged where they overlap. */
function findRanges(text: string, needles: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const needle of new Set(needles.map((n) => n.toLowerCase()).filter((n) => n.trim().length > 0))) {
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * Wraps the words moderation matched in <mark>, inside sanitiser output. Only text between tags is
 * touched, and an entity (`&amp;`) is never split: the text is decoded unit by unit, matched as the
 * reader wrote it, and the original units are written back around the inserted marks. The matches
 * themselves never reach the output; only the sanitiser's own text does.
 */
export function highlightHtml(sanitised: string, matches: readonly string[]): string {
  if (matches.length === 0) return sanitised;
  return sanitised
    .split(/(<[^>]*>)/)
    .map((part, index) => (index % 2 === 1 ? part : markText(part, matches)))
    .join('');
}

function markText(part: string, matches: readonly string[]): string {
  const units = part.match(/&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);|[\s\S]/gi) ?? [];
  const decoded = units.map((unit) => (unit.length > 1 && unit.startsWith('&') ? decodeEntity(unit) : unit));
  const ranges = findRanges(decoded.join(''), matches);
  if (ranges.length === 0) return part;
  let out = '';
  let offset = 0;
  let open = false;
  let next = 0;
  for (let i = 0; i < units.length; i++) {
    while (!open && ranges[next] && ranges[next][1] <= offset) next += 1;
    const range = ranges[next];
    if (!open && range && offset >= range[0] && offset < range[1]) {
      out += '<mark>';
      open = true;
    }
    out += units[i];
    offset += decoded[i].length;
    if (open && offset >= range[1]) {
      out += '</mark>';
      open = false;
      next += 1;
    }
  }
  if (open) out += '</mark>';
  return out;
}
