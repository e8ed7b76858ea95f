/**
 * Conversational and adversarial sets: ConvAbuse (users typing to chatbots), ToxiChat (Reddit threads)
 * and HatemojiBuild (minimally edited pairs written against a model). Keys group what must stay on one
 * side of the split: a dialogue, a thread, a pair of twins.
 */
import type { Head } from '../model.js';
import { readSet, type Example } from './datasets.js';
import { mentionsAbuse, pairKeys } from './label-helpers.js';

type Labels = Partial<Record<Head, number>>;

const ANNOTATORS = [1, 2, 3, 4, 5, 6, 7, 8];
const IDENTITY_TYPES = ['ableist', 'homophobic', 'racist', 'sexist', 'transphobic'];

/** A cell is "1", "0", empty, or (for rows the source merged) "1, 0": the share of ones. */
function vote(cell: string | undefined): number | undefined {
  if (!cell) return undefined;
  const parts = cell.split(',').map((part) => Number(part.trim()));
  return parts.reduce((sum, part) => sum + part, 0) / parts.length;
}

export interface ConvAbuseVote {
  abusive: boolean;
  /** Marked racist, sexist, homophobic, transphobic or ableist. */
  identity: boolean;
  /** Aimed at a group in general, not at the bot or one person. */
  generalised: boolean;
}

/**
 * ConvAbuse by the majority of the annotators who judged a row, "ambiguous" counting for neither side;
 * ties are dropped. Abuse is toxic; abuse that most of its judges call identity-based and aimed at a
 * group in general is an identity attack, abuse with no identity type is not, and the rest (sexist abuse
 * of the bot itself) says nothing about identity attack.
 */
export function convAbuseLabels(votes: ConvAbuseVote[], ambiguous: number): Labels | undefined {
  const abusive = votes.filter((v) => v.abusive).length;
  const clean = votes.length - abusive;
  if (abusive === clean || votes.length === 0 || ambiguous > votes.length) return undefined;
  if (abusive < clean) return { toxicity: abusive / votes.length, identity_attack: 0, threat: 0 };
  const identity = votes.filter((v) => v.abusive && v.identity);
  const generalised = identity.filter((v) => v.generalised).length;
  if (identity.length * 2 <= abusive) return { toxicity: abusive / votes.length, identity_attack: 0 };
  return { toxicity: abusive / votes.length, ...(generalised * 2 > identity.length ? { identity_attack: 1 } : {}) };
}

export function loadConvAbuse(dir: string): Example[] {
  const out: Example[] = [];
  for (const row of readSet(dir, 'convabuse/convabuse.csv')) {
    const votes: ConvAbuseVote[] = [];
    let ambiguous = 0;
    for (const n of ANNOTATORS) {
      const cell = (name: string) => vote(row[`Annotator${n}_${name}`]) ?? 0;
      const not = cell('is_abuse.1');
      const abuse = cell('is_abuse.-1') + cell('is_abuse.-2') + cell('is_abuse.-3');
      if (not === 0 && abuse === 0) {
        if (cell('is_abuse.0') > 0) ambiguous++;
        continue;
      }
      votes.push({
        abusive: abuse >= 0.5,
        identity: IDENTITY_TYPES.some((type) => cell(type) >= 0.5),
        generalised: cell('target.generalised') >= 0.5,
      });
    }
    const labels = convAbuseLabels(votes, ambiguous);
    const text = row.user.trim();
    if (!labels || text === '') continue;
    const tag = (labels.toxicity ?? 0) >= 0.5 ? 'abusive' : 'not abusive';
    const judgements = votes.map((v) => (v.abusive ? 1 : 0));
    out.push({ text, source: 'convabuse', key: `${row.bot}:${row.conv_id}`, labels, weight: 1, tag, judgements });
  }
  return out;
}

/** ToxiChat's targets that are a people or identity group; the rest are persons, ideologies or parties. */
const TOXICHAT_IDENTITY = new Set([
  'women', 'men', 'LGBTQ folks', 'religious folks/theists', 'christian folks', 'muslim folks', 'jewish folks', 'atheists',
  'people from a region', 'black folks', 'asian folks', 'latino/latina folks', 'arabic folks', 'people of color (POC)',
  'native american/first nation folks', 'immigrants', 'folks with mental disability/illness/disorder',
  'folks with physical disability/illness/disorder', 'old folks/seniors', 'young folks/kids/babies', 'overweight/fat folks',
]);

/**
 * ToxiChat's human turns: Offensive is toxic; offensive towards a people or identity group is an
 * identity attack, towards a redditor, a celebrity or a party it is not; Safe turns are negatives on
 * every head. The machine replies are left out: we moderate people.
 */
export function toxiChatLabels(label: string, targets: string): Labels | undefined {
  if (label === 'Safe') return { toxicity: 0, identity_attack: 0, threat: 0 };
  if (label !== 'Offensive') return undefined;
  const list = targets.split(';').filter(Boolean);
  if (list.length === 0) return { toxicity: 1 };
  return { toxicity: 1, identity_attack: list.some((target) => TOXICHAT_IDENTITY.has(target)) ? 1 : 0 };
}

export function cleanReddit(text: string): string {
  return text
    .replace(/&amp;#x200B;|&amp;nbsp;|&#x200B;/gi, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&(?:lt|gt|quot);/g, ' ')
    .replace(/\|URL\|/g, ' ')
    .replace(/^\s*Title:\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function loadToxiChat(dir: string): Example[] {
  const out: Example[] = [];
  for (const row of readSet(dir, 'toxichat/toxichat_utterances.csv')) {
    if (row.author !== 'reddit') continue;
    const labels = toxiChatLabels(row.offense_label, row.offense_targets);
    const text = cleanReddit(row.text);
    if (!labels || text === '') continue;
    out.push({ text, source: 'toxichat', key: row.thread_id, labels, weight: 1, tag: row.offense_label });
  }
  return out;
}

/**
 * HatemojiBuild's gold label is hate against a protected group (Dynabench's definition); threatening
 * language is a threat. A non-hateful twin ("my dealer is a cunt") may still be abuse, so it is "not
 * toxic" only when it has no abusive word.
 */
export function hatemojiLabels(gold: string, type: string, abusive: boolean): Labels {
  if (gold === '1') return { toxicity: 1, identity_attack: 1, threat: type === 'threateninglanguage' ? 1 : 0 };
  return abusive ? { identity_attack: 0 } : { toxicity: 0, identity_attack: 0, threat: 0 };
}

export function loadHatemoji(dir: string): Example[] {
  const rows = readSet(dir, 'hatemoji-build/hatemoji_build.csv');
  // Every original and its perturbation share a key, so twins never straddle the split.
  const keys = pairKeys(rows.map((row) => [row.entry_id, row.matched_id]));
  return rows.map((row) => ({
    text: row.text.trim(),
    source: 'hatemoji-build',
    key: keys.get(row.entry_id) ?? row.entry_id,
    labels: hatemojiLabels(row.label_gold, row.type, mentionsAbuse(row.text)),
    weight: 1,
    tag: row.type,
  }));
}
