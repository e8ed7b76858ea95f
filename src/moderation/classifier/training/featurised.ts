import { extractFeatures, type FeatureBlocks, type FeatureOptions, type WordHints } from '../features.js';
import { prepareText } from '../prepare.js';
import type { RuleResult } from '../rules.js';

/** A text's hashed features in typed arrays (a third of the memory of plain arrays), with what the rules found. */
export interface Featurised {
  features: { indices: Int32Array; values: Float32Array };
  rules: RuleResult;
  hints: WordHints;
  blocks: FeatureBlocks;
}

/**
 * Reads every text once, as the pipeline would (word scan, then features and rules). Features do not
 * depend on what a model is trained on, so one pass serves the full model and every leave-one-out model.
 */
export function featuriseTexts(texts: readonly string[], options: FeatureOptions, log: (message: string) => void = () => {}): Featurised[] {
  const started = Date.now();
  const out = texts.map((text, i) => {
    if (i > 0 && i % 25_000 === 0) log(`featurised ${i} of ${texts.length} texts (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    const prepared = prepareText(text);
    const analysis = extractFeatures(prepared.canonical, prepared.hints, options);
    return {
      features: { indices: Int32Array.from(analysis.features.indices), values: Float32Array.from(analysis.features.values) },
      rules: analysis.rules,
      hints: prepared.hints,
      blocks: analysis.blocks,
    };
  });
  log(`featurised ${texts.length} texts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return out;
}
