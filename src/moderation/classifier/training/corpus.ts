/**
 * Every labelled set in the shared datasets folder, read in one order and de-duplicated across sets by
 * normalised text: the first set to hold a text keeps it (the older, original source before the sets
 * that copied it: Davidson and Stormfront before Social Bias Frames), so no text is trained on in one
 * set and measured in another, and a leave-one-out model never sees the text it is measured on.
 */
import { normaliseForComparison } from '../../text/normalise.js';
import { loadConvAbuse, loadHatemoji, loadToxiChat } from './datasets-dialogue.js';
import { loadEdos, loadHateXplain, loadImplicitHate, loadMlma, loadSbicDev } from './datasets-social.js';
import { loadCivilComments, loadDavidson, loadStormfront, loadToxigenSeeds, untweet, type Example } from './datasets.js';

export const SOURCES = [
  'davidson', 'civil-comments', 'stormfront', 'toxigen-seeds', 'hatexplain', 'mlma', 'implicit-hate', 'sbic-dev', 'edos',
  'toxichat', 'convabuse', 'hatemoji-build',
] as const;
export type Source = (typeof SOURCES)[number];

const LOADERS: Record<Source, (dir: string) => Example[]> = {
  davidson: loadDavidson,
  'civil-comments': loadCivilComments,
  stormfront: loadStormfront,
  'toxigen-seeds': loadToxigenSeeds,
  hatexplain: loadHateXplain,
  mlma: loadMlma,
  'implicit-hate': loadImplicitHate,
  'sbic-dev': loadSbicDev,
  edos: loadEdos,
  toxichat: loadToxiChat,
  convabuse: loadConvAbuse,
  'hatemoji-build': loadHatemoji,
};

/** The same text however a set wrote it: case, accents, punctuation, @user and link marks, stretched letters. */
export function dedupKey(text: string): string {
  return normaliseForComparison(untweet(text))
    .replace(/(?:^|\s)(?:user|url|rt|link)(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Corpus {
  examples: Example[];
  /** Rows dropped per set because an earlier set (or row) already held the same text. */
  duplicates: Map<string, number>;
}

export function loadCorpus(dir: string, sources: readonly Source[] = SOURCES): Corpus {
  const seen = new Set<string>();
  const examples: Example[] = [];
  const duplicates = new Map<string, number>();
  for (const source of sources) {
    let dropped = 0;
    for (const example of LOADERS[source](dir)) {
      const key = dedupKey(example.text);
      if (key === '' || seen.has(key)) {
        dropped++;
        continue;
      }
      seen.add(key);
      examples.push(example);
    }
    duplicates.set(source, dropped);
  }
  return { examples, duplicates };
}

export function loadAll(dir: string): Example[] {
  return loadCorpus(dir).examples;
}
