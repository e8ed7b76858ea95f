/**
 * The social-media hate sets: HateXplain, MLMA, Latent Hatred (implicit hate), Social Bias Frames (dev)
 * and EDOS. Each maps its own labels to the three heads; a head a set says nothing about is left out
 * (undefined), so it neither teaches nor is measured there. The mapping is tabled in the README.
 */
import type { Head } from '../model.js';
import { detokenise, readSet, untweet, type Example } from './datasets.js';
import { mentionsAbuse } from './label-helpers.js';

type Labels = Partial<Record<Head, number>>;

/**
 * HateXplain by the majority of three annotators: hate speech attacks a community (all heads but threat
 * positive); "offensive" is abusive but, by the authors' definition, not hate, so it says nothing about
 * identity attack; posts without a majority are dropped. The text is lowercased and stripped to
 * [a-z0-9 ] by MBIB, with `<user>` turned into "user".
 */
export function hateXplainLabels(category: string): Labels | undefined {
  if (category === '0') return { toxicity: 0, identity_attack: 0, threat: 0 };
  if (category === '1') return { toxicity: 1, identity_attack: 1 };
  if (category === '2') return { toxicity: 0.8 };
  return undefined;
}

export function loadHateXplain(dir: string): Example[] {
  const out: Example[] = [];
  for (const row of readSet(dir, 'hatexplain/hatexplain_mbib.csv')) {
    const labels = hateXplainLabels(row.category);
    if (!labels) continue;
    out.push({
      text: row.text.replace(/(^|\s)user(?=\s|$)/g, ' ').replace(/\s{2,}/g, ' ').trim(),
      source: 'hatexplain', key: row.post_id, labels, weight: 1,
      tag: ['normal', 'hatespeech', 'offensive'][Number(row.category)],
    });
  }
  return out;
}

/** MLMA's targets that are a people or identity; "other" is anything else. */
const MLMA_IDENTITY = new Set(['origin', 'disability', 'gender', 'sexual_orientation', 'religion']);

/**
 * MLMA sentiment is multi-label. As the authors do, only "normal" alone is non-toxic; a tweet that
 * annotators called both normal and something else is dropped as undecided. "Hateful" at an identity
 * target is an identity attack; "fearful" alone is no attack.
 */
export function mlmaLabels(sentiment: string, target: string): Labels | undefined {
  const tags = new Set(sentiment.split('_'));
  if (tags.size === 1 && tags.has('normal')) return { toxicity: 0, identity_attack: 0, threat: 0 };
  if (tags.has('normal')) return undefined;
  if (tags.size === 1 && tags.has('fearful')) return undefined;
  const hateful = tags.has('hateful');
  return { toxicity: 1, ...(hateful && MLMA_IDENTITY.has(target) ? { identity_attack: 1 } : {}) };
}

export function loadMlma(dir: string): Example[] {
  const out: Example[] = [];
  for (const row of readSet(dir, 'mlma/en_dataset_with_stop_words.csv')) {
    const labels = mlmaLabels(row.sentiment, row.target);
    if (!labels) continue;
    // Noisy labels (the authors say so) and collected by slur search: half weight.
    const text = untweet(row.tweet.replace(/@URL|@user/gi, ' '))
      .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\\/g, ' ')
      .trim();
    out.push({ text, source: 'mlma', key: row.HITId, labels, weight: 0.5, tag: row.sentiment });
  }
  return out;
}

/**
 * Latent Hatred, stage 1 classes, with stage 2's "threatening" (threats and calls to exclude, matched by
 * text) as a soft threat. The not-hate tweets come from the same extremist accounts and judge hate only:
 * one that insults or swears says nothing about toxicity.
 */
export function implicitHateLabels(cls: string, implicitClass: string | undefined, abusive: boolean): Labels | undefined {
  const threat = implicitClass === 'threatening' ? { threat: 0.8 } : {};
  if (cls === 'explicit_hate') return { toxicity: 1, identity_attack: 1, ...threat };
  if (cls === 'implicit_hate') return { toxicity: 0.8, identity_attack: 1, ...threat };
  if (cls === 'not_hate') return abusive ? { identity_attack: 0 } : { toxicity: 0, identity_attack: 0, threat: 0 };
  return undefined;
}

/** The corpus is lowercased and tokenised, with "rt" and ' : " " ' artefacts from the tweets. */
export function cleanImplicitHate(post: string): string {
  return detokenise(untweet(post.replace(/"\s*"/g, ' ').replace(/(^|\s)[":]+(?=\s|$)/g, ' ')))
    .replace(/^[\s":]+|[\s":]+$/g, '')
    .trim();
}

export function loadImplicitHate(dir: string): Example[] {
  const implicitClass = new Map(readSet(dir, 'implicit-hate/implicit_hate_stg2.csv').map((row) => [row.post.trim(), row.implicit_class]));
  const out: Example[] = [];
  for (const row of readSet(dir, 'implicit-hate/implicit_hate_stg1.csv')) {
    const text = cleanImplicitHate(row.post);
    if (text.length === 0) continue;
    const labels = implicitHateLabels(row.class, implicitClass.get(row.post.trim()), mentionsAbuse(text));
    if (!labels) continue;
    // Not-hate is in-group talk of the same accounts: a weak negative, as Stormfront's is.
    out.push({ text, source: 'implicit-hate', key: row.id, labels, weight: row.class === 'not_hate' ? 0.5 : 1, tag: row.class });
  }
  return out;
}

/**
 * Social Bias Frames, per post over its annotators: the share who found it offensive is the toxicity
 * label (soft), and an offensive post that most say targets a group is an identity attack.
 */
export function sbicLabels(offensive: number[], targetsGroup: number[]): Labels | undefined {
  if (offensive.length === 0) return undefined;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
  const toxicity = mean(offensive);
  if (toxicity < 0.5) return { toxicity, identity_attack: 0, threat: 0 };
  return { toxicity, identity_attack: targetsGroup.length > 0 && mean(targetsGroup) >= 0.5 ? 1 : 0 };
}

export function loadSbicDev(dir: string): Example[] {
  const posts = new Map<string, { offensive: number[]; group: number[] }>();
  for (const row of readSet(dir, 'sbic-dev/SBIC.v2.dev.csv')) {
    const entry = posts.get(row.post) ?? { offensive: [], group: [] };
    if (row.offensiveYN !== '') entry.offensive.push(Number(row.offensiveYN));
    if (row.whoTarget !== '') entry.group.push(Number(row.whoTarget));
    posts.set(row.post, entry);
  }
  const out: Example[] = [];
  for (const [post, votes] of posts) {
    const labels = sbicLabels(votes.offensive, votes.group);
    if (!labels) continue;
    const text = untweet(post);
    const tag = (labels.toxicity ?? 0) >= 0.5 ? 'offensive' : 'not offensive';
    out.push({ text, source: 'sbic-dev', key: text, labels, weight: 1, tag, judgements: votes.offensive });
  }
  return out;
}

/**
 * EDOS judges sexism only. Sexist posts attack women as a group (identity attack); threats and
 * incitement of harm (1.1, 1.2) are threats; casual gendered slurs and backhanded compliments (3.x) are
 * milder. A not-sexist post may still insult someone else, so it teaches only "not an identity attack",
 * and "not toxic" when it has no abusive word.
 */
export function edosLabels(sexist: boolean, vector: string, abusive: boolean): Labels {
  if (!sexist) return abusive ? { identity_attack: 0 } : { toxicity: 0, identity_attack: 0, threat: 0 };
  const code = vector.slice(0, 3);
  if (code === '1.1' || code === '1.2') return { toxicity: 1, identity_attack: 1, threat: 1 };
  if (code.startsWith('3')) return { toxicity: 0.8, identity_attack: code === '3.1' ? 0.5 : 1, threat: 0 };
  return { toxicity: 1, identity_attack: 1, threat: 0 };
}

export function loadEdos(dir: string): Example[] {
  return readSet(dir, 'edos/edos_labelled_aggregated.csv').map((row) => {
    const text = row.text.replace(/\[(?:USER|URL)\]/g, ' ').replace(/\s{2,}/g, ' ').trim();
    const sexist = row.label_sexist === 'sexist';
    return { text, source: 'edos', key: row.rewire_id, labels: edosLabels(sexist, row.label_vector, mentionsAbuse(text)), weight: 1, tag: row.label_sexist };
  });
}
