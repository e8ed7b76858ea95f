import { expect, test } from 'vitest';
import { extractFeatures } from './features.js';
import { decodeWordClusters, defaultWordClusters, encodeWordClusters } from './word-clusters.js';

test('a word-clusters file decodes to what was encoded, and a damaged one is refused', () => {
  const bytes = encodeWordClusters('test', [2, 3], ['rats', 'vermin', 'tea'], Uint16Array.from([0, 1, 0, 1, 1, 2]));
  const clusters = decodeWordClusters(bytes);
  expect(clusters.levels).toEqual([2, 3]);
  expect(clusters.index.get('vermin')).toBe(1);
  expect([...clusters.ids]).toEqual([0, 1, 0, 1, 1, 2]);
  expect(() => decodeWordClusters(bytes.subarray(0, bytes.length - 2))).toThrow(/size does not match/);
});

test('the committed clusters put words of one meaning together, and the option adds features only when on', () => {
  const clusters = defaultWordClusters();
  const fine = (word: string) => clusters.ids[clusters.index.get(word)! * clusters.levels.length + clusters.levels.length - 1];
  expect(fine('cockroaches')).toBe(fine('vermin'));
  expect(fine('cockroaches')).not.toBe(fine('kitchen'));
  const hints = { slurs: 0, profanity: 0 };
  const plain = extractFeatures('those people are cockroaches', hints, { bits: 20 });
  const withClusters = extractFeatures('those people are cockroaches', hints, { bits: 20, clusters: true });
  expect(withClusters.features.indices.length).toBeGreaterThan(plain.features.indices.length);
  expect(withClusters.blocks.named - plain.blocks.named).toBe(withClusters.features.indices.length - plain.features.indices.length);
});
