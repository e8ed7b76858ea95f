import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Head } from '../model.js';
import { parseCsv } from './csv.js';

/** One labelled text. `key` groups texts that must land on the same side of the split (post, user). */
export interface Example {
  text: string;
  source: string;
  key: string;
  labels: Partial<Record<Head, number>>;
  weight: number;
  /** The set's own class name, for reports. */
  tag: string;
  /**
   * Each annotator's own judgement of the text (1 toxic or abusive, 0 not), where the set publishes
   * them: the human agreement a score is measured against (`agreement.ts`); never trained on.
   */
  judgements?: number[];
}

export function readSet(dir: string, path: string): Record<string, string>[] {
  const file = join(dir, path);
  if (!existsSync(file)) throw new Error(`missing ${file}: pass --data pointing at the shared datasets folder`);
  return parseCsv(readFileSync(file, 'utf8'));
}

/**
 * Davidson tweets. "Offensive" is mostly casual profanity and slang, which must not be enough to hold a
 * comment, so it counts as weakly toxic (0.35) rather than as hate; hate-speech votes set identity attack.
 */
export function loadDavidson(dir: string): Example[] {
  return readSet(dir, 'davidson/labeled_data.csv').map((row) => {
    const count = Number(row.count) || 1;
    const hate = Number(row.hate_speech) / count;
    const offensive = Number(row.offensive_language) / count;
    const cls = row.class;
    const toxicity = Math.min(1, hate + 0.35 * offensive);
    const abusiveVotes = Number(row.hate_speech) + Number(row.offensive_language);
    return {
      text: untweet(row.tweet),
      source: 'davidson',
      key: row._index,
      labels: {
        toxicity,
        identity_attack: cls === '0' ? 1 : hate >= 0.34 ? 0.5 : 0,
        ...(cls === '2' ? { threat: 0 } : {}),
      },
      weight: cls === '1' ? 0.5 : 1,
      tag: cls === '0' ? 'hate' : cls === '1' ? 'offensive' : 'neither',
      judgements: [...Array<number>(abusiveVotes).fill(1), ...Array<number>(Number(row.neither)).fill(0)],
    };
  });
}

/**
 * Civil Comments toxic spans: every comment was once judged toxic; the share of annotators who did not
 * tick "not toxic" is the label, so the ones most found harmless are hard negatives.
 */
export function loadCivilComments(dir: string): Example[] {
  const votes = new Map<string, number[]>();
  for (const row of readSet(dir, 'civil-comments-toxic-spans/annotations.csv')) {
    const judgements = votes.get(row.comment_id) ?? [];
    judgements.push(row['not toxic'] === 'True' ? 0 : 1);
    votes.set(row.comment_id, judgements);
  }
  const out: Example[] = [];
  for (const row of readSet(dir, 'civil-comments-toxic-spans/comments.csv')) {
    const judgements = votes.get(row.comment_id);
    if (!judgements) continue;
    const toxicity = judgements.reduce((sum, judgement) => sum + judgement, 0) / judgements.length;
    out.push({
      text: row.comment_text,
      source: 'civil-comments',
      key: row.comment_id,
      labels: toxicity < 0.5 ? { toxicity, threat: 0 } : { toxicity },
      weight: 1,
      tag: toxicity < 0.5 ? 'not toxic' : 'toxic',
      judgements,
    });
  }
  return out;
}

/**
 * Twitter's furniture removed: retweet marks, @handles, links, HTML entities and the hash of hashtags.
 * Left in, they mark "this is a Davidson tweet" (mostly offensive) and the model learns the source.
 * It runs before the word scan, whose leetspeak reading would turn "@handle" into "ahandle".
 */
export function untweet(text: string): string {
  return text
    .replace(/&amp;/gi, '&')
    .replace(/&(?:lt|gt|quot|apos);/gi, ' ')
    .replace(/&#\d+;?/g, ' ')
    .replace(/https?:\/\/\S+|www\.\S+/gi, ' ')
    .replace(/(^|[^\p{L}\p{N}])rt\b:?/giu, '$1 ')
    .replace(/@[\w_]+:?/g, ' ')
    .replace(/#(?=[\p{L}\p{N}])/gu, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** The forum's tokenised spacing ("13th , 2014 , the", "do n't") undone, so n-grams do not learn the source. */
export function detokenise(text: string): string {
  return text
    .replace(/``\s*|\s*''/g, '"')
    .replace(/\s+([,.!?;:%)\]])/g, '$1')
    .replace(/([([])\s+/g, '$1')
    .replace(/\s+(n't|'s|'re|'ve|'ll|'d|'m)\b/gi, '$1')
    .replace(/\s*\.\s*\.\s*(\.\s*)*/g, '... ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Stormfront sentences, keyed by the writer so one user's sentences never straddle the split. */
export function loadStormfront(dir: string): Example[] {
  const users = new Map(readSet(dir, 'stormfront/annotations_metadata.csv').map((row) => [row.file_id, row.user_id]));
  const out: Example[] = [];
  for (const row of readSet(dir, 'stormfront/sentences.csv')) {
    if (row.label !== 'hate' && row.label !== 'noHate') continue;
    const hate = row.label === 'hate' ? 1 : 0;
    out.push({
      text: detokenise(row.text),
      source: 'stormfront',
      key: users.get(row.id) ?? row.id.split('_')[0],
      labels: hate ? { toxicity: 1, identity_attack: 1 } : { toxicity: 0, identity_attack: 0, threat: 0 },
      // In-group forum talk judged sentence by sentence: a weak negative, not civil comment.
      weight: hate ? 1 : 0.5,
      tag: row.label,
    });
  }
  return out;
}

export function loadToxigenSeeds(dir: string): Example[] {
  return readSet(dir, 'toxigen-seeds/sentences.csv').map((row) => {
    const hate = row.label === 'hate' ? 1 : 0;
    return {
      text: row.text,
      source: 'toxigen-seeds',
      key: row.id,
      labels: hate ? { toxicity: 1, identity_attack: 1 } : { toxicity: 0, identity_attack: 0, threat: 0 },
      weight: 1.5,
      tag: row.label,
    };
  });
}

/** FNV-1a of a split key: where a text falls in the splits and samples, the same on every run. */
export function keyHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Deterministic split by key: the same 15% of every set is held back from every training run. */
export function isTestExample(example: Pick<Example, 'source' | 'key'>, percent = 15): boolean {
  return keyHash(`${example.source}:${example.key}`) % 100 < percent;
}

/** A second, disjoint 15% of what is left after the test split: for calibration and model choices. */
export function isValidationExample(example: Pick<Example, 'source' | 'key'>): boolean {
  return !isTestExample(example) && isTestExample({ source: example.source, key: `val:${example.key}` });
}
