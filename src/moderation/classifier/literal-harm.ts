/**
 * Harm that falls on creatures, plants and things, read at `assess()` time only (round 14; never a learned
 * feature): "We need to kill the rats in the loft", "Slugs wiped out my hostas. Drown the lot of them",
 * "That knotweed needs to be dug out and burned". The learned heads read the species as the slur it is
 * elsewhere ("rats") and the violent verb as a threat, and held pest control and gardening. Where the text
 * names no people and no person, and every violent word falls on such a thing (its object, or a "them" whose
 * nearest noun before it is one), nothing in it is aimed at anyone: its findings lift nothing and the
 * learned scores are capped like counter-speech. A people or a person named anywhere ("Roma are rats, get
 * the poison down", "shoot the fox and the farmer too") keeps every reading as it was.
 */
import { VIOLENCE, VIOLENCE_DONE } from './lexicon.js';
import { ANIMAL_OR_THING } from './lexicon-targets.js';
import { isTarget } from './rule-helpers.js';
import { phrasalViolenceAt } from './threat-rules.js';
import { isWord, type Token } from './tokens.js';

const words = (text: string) => text.trim().split(/\s+/);

/**
 * Creatures, plants, diseases and things that violent words are used on. Not the words for vermin as a
 * kind ("vermin", "pests", "parasites", "animals"), which are said of people far more than of mice.
 */
const THINGS = new Set([
  ...ANIMAL_OR_THING,
  ...words(`rat mouse pigeon fox squirrel rabbit wasp fly mosquito ant termite cockroach weed slug snail seagull goose crow
    badger boar hornet hornets nest nests mole moles hedgehog stoat stoats mink weasel magpie magpies gull gulls bird birds
    deer stag cat cats kitten dog dogs puppy hound horse horses pony foal chicken chickens hen hens cockerel duck ducks
    pheasant pheasants grouse partridge turkey turkeys cow cows calf calves bull bullock pig piglet sheep ewe lamb lambs
    goat goats fish trout salmon pike carp mackerel cod eel eels crab crabs lobster spider spiders snake adder beetle
    beetles caterpillar caterpillars moth moths flea fleas nit nits tick ticks bedbug bedbugs midge midges aphid aphids
    greenfly whitefly weevil weevils grub grubs maggot maggots worm worms leech fox-cubs cubs wolf wolves shark sharks
    mosquitos roaches
    weeds knotweed bindweed bramble brambles ivy nettle nettles thistle thistles dandelion dandelions ragwort hogweed
    moss mould mold fungus algae hedge hedges tree trees stump stumps roots bamboo lawn grass shrub shrubs hostas
    tomatoes potatoes spuds plants seedlings blight
    malaria polio measles covid flu smallpox tuberculosis ebola germs superbug superbugs infection
    crossword puzzle sudoku quiz exam exams essay deadline inbox printer laptop phone engine battery bug bugs code
    pizza burger pie cake steak curry kebab sandwich chips pint pints bottle wine playlist song record level boss`),
]);

/** Violent words that would make a threat if they fell on a person: verbs, their past forms, "run over" and the like. */
function violentAt(tokens: Token[], i: number): boolean {
  const word = tokens[i].text;
  return VIOLENCE.has(word) || VIOLENCE_DONE.has(word) || phrasalViolenceAt(tokens, i);
}

const PRONOUNS = new Set(['them', 'it', 'they', "they're", 'theyre']);

/** The text names no people and no person; pronouns are read through the noun they stand for. */
function namesNobody(tokens: Token[]): boolean {
  return !tokens.some((token, k) => !PRONOUNS.has(token.text) && token.text !== 'all' && isTarget(tokens, k));
}

/** A thing named before `i`, for a "them" to stand for (nobody is named, so nothing else can be meant). */
function standsForThing(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) if (THINGS.has(tokens[k].text)) return true;
  return false;
}

/** What the violent word at `i` falls on: a thing after it ("kill the rats"), or before it ("the deer were culled"). */
function fallsOnThing(tokens: Token[], i: number): boolean {
  const sentence = tokens[i].sentence;
  for (let k = i + 1; k < Math.min(tokens.length, i + 7) && tokens[k].sentence === sentence && isWord(tokens[k]); k++) {
    if (THINGS.has(tokens[k].text)) return true;
    if (PRONOUNS.has(tokens[k].text)) return standsForThing(tokens, k);
  }
  for (let k = i - 1; k >= 0 && tokens[k].sentence === sentence; k--) {
    if (THINGS.has(tokens[k].text)) return true;
    if (PRONOUNS.has(tokens[k].text)) return standsForThing(tokens, k);
  }
  return false;
}

/** Every violent word in the text falls on a thing, there is at least one, and nobody is named. */
export function harmsOnlyThings(tokens: Token[]): boolean {
  let violent = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!violentAt(tokens, i)) continue;
    if (!fallsOnThing(tokens, i)) return false;
    violent++;
  }
  return violent > 0 && namesNobody(tokens);
}
