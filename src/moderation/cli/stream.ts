import type { Assess } from '../pipeline.js';
import type { AssessContext, CommentCandidate, ScoreAdjustment } from '../types.js';
import type { ModerationSettings } from './site-settings.js';

export interface StreamOptions {
  assess: Assess;
  settings: ModerationSettings;
  contentOnly: boolean;
  now: () => Date;
  /** The site's learned adjustment, applied to every line as the site applies it. */
  adaptation?: ScoreAdjustment;
}

interface AuthorHistory {
  recent: { text: string; createdAt: string }[];
  approved: number;
}

const KEPT_RECENT = 20;

/**
 * Judges one input line and returns one output line (no newline). Without `contentOnly`, each named
 * author builds a history within the run (repeats, floods, approved count for the link and new-reader
 * rules), as on the site, timed by an optional `createdAt` on each line; nothing is written anywhere.
 */
export function createLineJudge({ assess, settings, contentOnly, now, adaptation }: StreamOptions): (line: string, lineNumber: number) => string {
  const histories = new Map<string, AuthorHistory>();
  return (line, lineNumber) => {
    let input: unknown;
    try {
      input = JSON.parse(line);
    } catch (error) {
      return JSON.stringify({ error: `line ${lineNumber}: not JSON (${(error as Error).message})` });
    }
    if (typeof input !== 'object' || input === null || typeof (input as { text?: unknown }).text !== 'string') {
      return JSON.stringify({ error: `line ${lineNumber}: expected an object with a string "text"` });
    }
    const { text, author, createdAt } = input as { text: string; author?: unknown; createdAt?: unknown };
    const name = typeof author === 'string' && author.length > 0 ? author : null;
    const history = name ? (histories.get(name) ?? { recent: [], approved: 0 }) : { recent: [], approved: 0 };
    // A batch carries no posting times unless given; without them every line counts as posted now.
    const given = typeof createdAt === 'string' ? new Date(createdAt) : undefined;
    const at = given && !Number.isNaN(given.getTime()) ? given : now();
    const candidate: CommentCandidate = {
      text,
      author: {
        id: name,
        role: name ? 'reader' : 'guest',
        status: 'active',
        suspendedUntil: null,
        premoderate: false,
        approvedCount: history.approved,
        rejectedCount: 0,
        recent: history.recent,
      },
      article: { id: 'cli', premoderate: false },
    };
    const context: AssessContext = { settings, now: at, contentOnly, ...(adaptation ? { adaptation } : {}) };
    const { decision, reasons, scores } = assess(candidate, context);
    if (name && !contentOnly) {
      history.recent = [{ text, createdAt: at.toISOString() }, ...history.recent].slice(0, KEPT_RECENT);
      if (decision === 'publish') history.approved++;
      histories.set(name, history);
    }
    return JSON.stringify({ decision, reasons, scores });
  };
}
