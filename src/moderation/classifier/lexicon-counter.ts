/**
 * Cues for counter-speech read at `assess()` time only (round 7): they turn findings around in
 * `score-rules.ts` but are not learned features, so the shipped weights and the training features stay as
 * they were. Kept apart from `CONDEMNING` and `REPORTING` in `lexicon.ts`, which the learned features read.
 */
import { REPORTING } from './lexicon.js';

const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Verbs that report words beyond `REPORTING`: "stop telling me", "posting that", "the fan who shouted". */
export const REPORTING_MORE = words(`
  tell tells telling told post posts posting posted shout shouts shouting shouted chanted scream screams
  screaming screamed yell yells yelling yelled spray sprays spraying sprayed scrawled scrawling daubed
  spread spreads spreading repeat repeats repeating repeated hearing accept accepting write writes writing
`);
/** `REPORTING` and `REPORTING_MORE`: what the assess-time readings take for someone else's words. */
export const WIDE_REPORTING: ReadonlySet<string> = new Set([...REPORTING, ...REPORTING_MORE]);


/**
 * Objection beyond `CONDEMNING`: sanctions on the speaker, shame, harm, denial of truth. Read only for
 * words reported in the same or a neighbouring sentence.
 */
export const OBJECTING = words(`
  shame resign resigned resignation ban prosecute prosecuting prosecution court courts report reporting
  extremist extremists extremism harm harmful damaging poison rubbish refuse refused enough playbook
  smear smears slander libel bogus baseless conspiracy dehumanise dehumanize dehumanised dehumanized
  demonise demonize demonising demonizing incite inciting hatred unbelievable ridiculous absurd laughable
  garbage
`);

/**
 * Praise of whoever said it: endorses a report ("the MP who said X was brave"), though in counter-speech
 * it is as often the praise of those who objected ("the students who reported him were brave").
 */
export const PRAISING = words('brave courageous heroic refreshing hero heroes medal thanked praised applauded rewarded commended');

/** Endorsement: "... and they are right", "is accurate", "just the truth", "a fact", and praise. */
export const ENDORSING: ReadonlySet<string> = new Set([...words('accurate correct truth fact facts agreed exactly reasonable'), ...PRAISING]);

/** Who says it, as the subject of what the writer says of them: "Anyone who says …", "People calling …". */
export const SPEAKERS = words('anyone anybody those people whoever someone somebody everyone everybody he she they folks');
