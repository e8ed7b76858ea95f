/**
 * The sports pages' violence, read at `assess()` time only (round 13; never a learned feature): "We'll
 * murder them on Saturday", "We got slaughtered 5-0", "Our players were animals in the second half". In a
 * text that talks sport, a threat or an insult whose only target is "them", "us" or a team is a result
 * foretold or lamented, and the learned threat head alone does not hold it. Aimed at a people ("their Polish fans should be shot"), at fans, or at the referee
 * ("that ref wants his legs breaking") it counts as anywhere else.
 */
import { isTarget, type Located } from './rule-helpers.js';
import type { Token } from './tokens.js';

const SPORT = new Set(`match matches game fixture fixtures derby league cup season goal goals keeper goalkeeper striker strikers
  defender defenders defence midfield midfielder winger wingers manager gaffer pitch kickoff penalty penalties scored innings
  wicket wickets batting bowling squad club relegation relegated playoff playoffs half-time halftime full-time scoreline
  champions premiership tournament`.split(/\s+/));

/** The targets a sports idiom falls on: the other side, our side, a team. */
const SIDES = new Set(['them', 'us', 'we', 'players', 'team', 'side', 'lads', 'boys', 'squad']);

/** A score ("5-0", "3 - 1") or a sports word anywhere in the text. */
export function talksSport(tokens: Token[]): boolean {
  return tokens.some((token, i) => SPORT.has(token.text) || (/^\d+-\d+$/.test(token.text)) ||
    (/^\d+$/.test(token.text) && tokens[i + 1]?.text === '-' && /^\d+$/.test(tokens[i + 2]?.text ?? '')) ||
    (token.text === 'half' && ['first', 'second'].includes(tokens[i - 1]?.text ?? '')) || (token.text === 'four' && tokens[i - 1]?.text === 'back'));
}

/** A threat or abuse finding that names a side and no other target ("someone should break the ref's legs" names none). */
export function isSportsIdiom(tokens: Token[], finding: Located): boolean {
  if (finding.kind !== 'threat' && finding.kind !== 'abuse') return false;
  let side = false;
  for (let k = finding.from; k < finding.to; k++) {
    if (SIDES.has(tokens[k].text)) side = true;
    else if (isTarget(tokens, k)) return false;
  }
  return side;
}
