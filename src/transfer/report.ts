/** What happened to each kind of record: brought in, left out on purpose (with why), or refused. */
export interface KindCounts {
  imported: number;
  skipped: number;
  failed: number;
  skippedBecause: Record<string, number>;
}

export interface Problem {
  line: number;
  kind: string;
  id: string | null;
  message: string;
}

/** A record the operator should look at after the run (a password-protected post kept as a draft). */
export interface ListedRecord {
  line: number;
  id: string | null;
  text: string;
}

export interface ImportSummary {
  source: string;
  kinds: Record<string, KindCounts>;
  /** Records worth a look after the run, by why (the first of each are kept; `count` has them all). */
  lists: Record<string, { count: number; items: ListedRecord[] }>;
  /** The first problems (failures and notices), for the summary and tests; all are printed as they happen. */
  problems: Problem[];
  notices: number;
  /** Set when the file could not be read to its end. */
  fatal: string | null;
  /** Set when the file was not imported at all: the wrong kind of file, or not one record could be imported. */
  refused: string | null;
}

/** The reason a record met again is skipped; counted apart, since it shows the file was the right one. */
export const ALREADY_IMPORTED = 'already imported by an earlier run';

const KEPT_PROBLEMS = 200;
const PRINTED_PROBLEMS = 1_000;
const LISTED_ITEMS = 50;

/**
 * Counts outcomes per kind and prints each problem with its line as it happens. Only counters and the
 * first problems are kept, so a file with a million bad records does not fill memory.
 */
export class ImportReport {
  readonly summary: ImportSummary;
  private printed = 0;

  constructor(
    source: string,
    private readonly print: (line: string) => void,
  ) {
    this.summary = { source, kinds: {}, lists: {}, problems: [], notices: 0, fatal: null, refused: null };
  }

  private counts(kind: string): KindCounts {
    return (this.summary.kinds[kind] ??= { imported: 0, skipped: 0, failed: 0, skippedBecause: {} });
  }

  imported(kind: string, count = 1): void {
    this.counts(kind).imported += count;
  }

  skipped(kind: string, reason: string, count = 1): void {
    const counts = this.counts(kind);
    counts.skipped += count;
    counts.skippedBecause[reason] = (counts.skippedBecause[reason] ?? 0) + count;
  }

  /** A record refused: it is not imported, the rest goes on. */
  failed(kind: string, line: number, id: string | null, message: string): void {
    this.counts(kind).failed += 1;
    this.problem({ line, kind, id, message }, 'skipped');
  }

  /** Imported, but not quite as it was (a reply whose parent never came, a renamed slug). */
  notice(kind: string, line: number, id: string | null, message: string): void {
    this.summary.notices += 1;
    this.problem({ line, kind, id, message }, 'note');
  }

  /** Named in the closing summary under `list` (the first few), counted in full. */
  listed(list: string, record: ListedRecord): void {
    const entry = (this.summary.lists[list] ??= { count: 0, items: [] });
    entry.count += 1;
    if (entry.items.length < LISTED_ITEMS) entry.items.push(record);
  }

  fatal(message: string): void {
    this.summary.fatal = message;
  }

  refuse(message: string): void {
    this.summary.refused = message;
  }

  /** Records imported, and records an earlier run had brought in: what shows the file is of the right kind. */
  get landed(): { imported: number; known: number; failed: number } {
    let imported = 0;
    let known = 0;
    let failed = 0;
    for (const counts of Object.values(this.summary.kinds)) {
      imported += counts.imported;
      failed += counts.failed;
      known += counts.skippedBecause[ALREADY_IMPORTED] ?? 0;
    }
    return { imported, known, failed };
  }

  private problem(problem: Problem, label: string): void {
    if (this.summary.problems.length < KEPT_PROBLEMS) this.summary.problems.push(problem);
    this.printed += 1;
    if (this.printed <= PRINTED_PROBLEMS) {
      this.print(`line ${problem.line}: ${problem.kind}${problem.id ? ` ${problem.id}` : ''}: ${problem.message} (${label})\n`);
    } else if (this.printed === PRINTED_PROBLEMS + 1) {
      this.print(`… more problems are counted in the summary but not printed\n`);
    }
  }

  /** The closing table: one line per kind, then why records were skipped. */
  lines(): string[] {
    if (this.summary.refused) return [`Import from ${this.summary.source} refused: ${this.summary.refused}`];
    const lines = [`Import from ${this.summary.source}${this.summary.fatal ? ' stopped early' : ' finished'}:`];
    for (const [kind, counts] of Object.entries(this.summary.kinds)) {
      lines.push(`  ${kind}: ${counts.imported} imported, ${counts.skipped} skipped, ${counts.failed} with errors`);
      for (const [reason, count] of Object.entries(counts.skippedBecause)) lines.push(`    skipped ${count}: ${reason}`);
    }
    if (this.summary.notices > 0) lines.push(`  ${this.summary.notices} imported with a note (see the lines above)`);
    for (const [list, { count, items }] of Object.entries(this.summary.lists)) {
      lines.push(`  ${list} (${count}):`);
      for (const item of items) lines.push(`    line ${item.line}${item.id ? `, ${item.id}` : ''}: ${item.text}`);
      if (count > items.length) lines.push(`    … and ${count - items.length} more`);
    }
    if (this.summary.fatal) lines.push(`  Stopped: ${this.summary.fatal}`, '  Everything before that point is kept; fix the file and run the import again to add the rest.');
    return lines;
  }
}
