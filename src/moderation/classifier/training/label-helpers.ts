import { DEHUMANISING, INSULTS, PROFANITY } from '../lexicon.js';
import { prepareText } from '../prepare.js';
import { tokenize } from '../tokens.js';

/**
 * Whether a text has a slur, a swear word, an insult or a dehumanising noun. Sets that judge only hate
 * or only sexism label such a text "not hateful" while it may well be abusive: there it says nothing
 * about toxicity, so its toxicity label is left out rather than taught as zero.
 */
export function mentionsAbuse(text: string): boolean {
  const { canonical, hints } = prepareText(text);
  if (hints.slurs > 0 || hints.profanity > 0) return true;
  return tokenize(canonical).some((token) => INSULTS.has(token.text) || PROFANITY.has(token.text) || DEHUMANISING.has(token.text));
}

/** Union-find over ids, so chains of matched pairs ("a is b's twin, b is c's") share one key. */
export function pairKeys(pairs: [string, string][]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while ((parent.get(root) ?? root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const [a, b] of pairs) {
    const ra = find(a);
    const rb = b === '' ? ra : find(b);
    // The smaller id is the root, so the key does not depend on the order rows come in.
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  return new Map([...parent.keys()].map((id) => [id, find(id)]));
}
