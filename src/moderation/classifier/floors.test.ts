import { describe, expect, it } from 'vitest';
import { CAPS, RULE_FLOORS, SLUR_FLOORS } from './floors.js';
import { analyse } from './rules.js';
import { applyRules } from './score-rules.js';
import { tokenize } from './tokens.js';

const LOW = { toxicity: 0.1, identity_attack: 0.1, threat: 0.1 };
const NO_HINTS = { slurs: 0, profanity: 0 };
const rulesOf = (text: string) => analyse(tokenize(text.toLowerCase()));

describe('the table of floors and caps', () => {
  it('holds every finding: each floor is above the hold threshold and scores its own head', () => {
    for (const [name, entry] of Object.entries(RULE_FLOORS)) {
      expect(entry.floor, name).toBeGreaterThan(0.5);
      expect(entry.head, name).toBe(entry.kind === 'threat' ? 'threat' : entry.kind === 'abuse' ? 'toxicity' : 'identity_attack');
    }
    expect(CAPS.turned).toBeLessThan(0.5);
    expect(SLUR_FLOORS.outGroup.identity_attack).toBeGreaterThan(SLUR_FLOORS.inGroup.identity_attack);
  });

  it('takes each finding score from the table, and lifts only that head', () => {
    const rules = rulesOf('Landlords are vermin and should be run over');
    for (const finding of rules.findings) expect(finding.score).toBe(RULE_FLOORS[finding.rule].floor);
    const { scores } = applyRules(LOW, rules, NO_HINTS);
    expect(scores.threat).toBe(RULE_FLOORS['violence-wished'].floor);
    expect(scores.identity_attack).toBe(0.1);
    expect(scores.toxicity).toBe(RULE_FLOORS['violence-wished'].floor);
  });

  it('caps learned scores when the only findings are negated or condemned', () => {
    const high = { toxicity: 0.9, identity_attack: 0.9, threat: 0.9 };
    const { scores } = applyRules(high, rulesOf('Saying Kurds are vermin is disgusting.'), NO_HINTS);
    expect(Math.max(scores.toxicity, scores.identity_attack, scores.threat)).toBe(CAPS.turned);
  });

  it('sets the slur floors for a slur used, lower for one said in-group', () => {
    const none = rulesOf('whatever');
    expect(applyRules(LOW, none, { slurs: 1, profanity: 0, slurWords: ['kike'] }).scores.identity_attack).toBe(SLUR_FLOORS.outGroup.identity_attack);
    expect(applyRules(LOW, none, { slurs: 1, profanity: 0, slurWords: ['nigga'] }).scores.identity_attack).toBe(SLUR_FLOORS.inGroup.identity_attack);
  });

  it('compresses plain rudeness above even odds so it never outranks an attack on a people', () => {
    const rude = applyRules({ toxicity: 1, identity_attack: 0, threat: 0 }, rulesOf('whatever'), NO_HINTS).scores.toxicity;
    expect(rude).toBeCloseTo(0.5 + CAPS.rudenessSlope * 0.5, 6);
  });
});
