/**
 * The phrases `harm-wishes.ts` reads: the harm, what makes it wished or threatened, and abuse aimed at the
 * reader ('*' stands for any one word, '…' for up to five).
 */
import { phrases } from './phrase-match.js';

/**
 * Injuries as a verb and a body part a few words on ("break both your arms", "cave your skull in", "slit
 * his throat"): the part makes it a person's body, whatever the verb is also used for.
 */
const INJURING = 'break breaks breaking broke smash smashes smashing cave caving snap snaps snapping crack cracks cracking kick kicks kicking slit slits slitting cut cuts cutting bash bashing stamp stamping punch punching knock knocking';
const BODY_PART_WORDS = 'arm arms leg legs neck skull face head teeth jaw nose ribs knees kneecaps fingers spine throat';
export const BODY_PARTS: ReadonlySet<string> = new Set(BODY_PART_WORDS.split(' '));
const INJURIES = INJURING.split(' ').flatMap((verb) => BODY_PART_WORDS.split(' ').map((part) => `${verb} … ${part}`)).join(' | ');

/**
 * Harm that the sports pages use for a defeat ("we're getting a hiding on Saturday"): wished it counts, but
 * not after a mere "if … is getting".
 */
const DEFEATS = `a kicking | a * kicking | a beating | a * beating | a hiding | a * hiding | a thrashing | a slap | what's coming | whats coming`;
export const DEFEAT_IDIOMS = phrases(DEFEATS);

/** The harm itself, by outcome or instrument. */
export const HARM = phrases(`${DEFEATS} | stabbed | stab | stabbing | flattened | drowned | drown | drowns | torched | torch | lynched | lynch |
  strangled | strangle | beheaded | behead | hanged | kneecapped | kneecap | kneecapping | maimed | bleed out | bleeds out |
  set on fire | set alight | set fire to | burned alive | burnt alive | burn alive | petrol | noose | rope | bullet | bullets |
  baseball bat | a bat | cricket bat | claw hammer | a hammer | machete | acid | a brick | broken ribs | broken legs |
  broken jaw | broken neck | broken bones | legs breaking | keep your teeth | to the knees | through … skull | ${INJURIES} |
  face down | off a bridge | against the wall | stringing up | strung up | string … up |
  sinks | sink | stop kicking | six feet under | body bag | body bags | run … over | drive over | under my wheels |
  run … off the road | ran … off the road | same treatment | put down | in boxes | in a box | gassed | firing squad |
  turn the gas on | end up in hospital | ends up in hospital | put … in hospital | with … in hospital | put … in the ground |
  hanging from lamp posts | hanging from lampposts | goes down | went down with the plane | go down with the plane | round a tree | off a cliff |
  leaving in an ambulance | leave in an ambulance | follow you home | through a straw |
  slip something into | take care of … permanently | poison him | poison her | poison them | on your doorstep |
  at your front door`);

/**
 * Misfortune, which counts only when wished ("I hope the councillor's brakes fail", "praying he gets cancer"):
 * after "I'm" it is sympathy ("I'm so sorry your house burned down").
 */
export const MISFORTUNE = phrases(`brakes fail | gets cancer | get cancer | the same cancer | painful illness | slow death | painful death | burned down | burns down | burn down | with him in it |
  with her in it | with them in it | with him inside | with her inside | with them inside | die | dies | dying | drop dead |
  drops dead | burns … down | burn … down | dinghy flipped | dinghy sank | dinghy capsized | dinghies capsized | boat capsized |
  boats capsized | hit by a bus | hit by a car | hit by a train | hit harder`);
/** Frames that wish rather than plan; "May your …" only where it opens a sentence (`harm-wishes.ts`). */
const WISHING = `hope | hoping | hoped | wish | wishing | pray | praying | prays | god willing | be terrible if | be awful if |
  be funny if | be hilarious if | would love | can't wait | cant wait`;
export const WISHES = phrases(`${WISHING} | may`);

/** Of the harms said by what will not be left, what is a threat even with no wish before it ("you won't be leaving on your own legs"). */
const LEFT_WHOLE = `in one piece | on * own legs | on * own two feet | on * own feet`;
export const DENIED_HARM_ALONE = phrases(LEFT_WHOLE);
/** Harm said by what will not be left ("he won't be leaving in one piece"): counts only when denied. */
export const DENIED_HARM = phrases(`${LEFT_WHOLE} | walk again | see christmas | see another birthday`);

/** What makes it a wish, plan or threat. */
export const FRAMES = phrases(`${WISHING} | should | deserve | deserves | deserved | needs | need | wants | want | i'd | id | i'll |
  i'm | im | i will | we will | we'd | we'll | gonna | going to | let's | happily | gladly | shame | pity | shed a tear | give me |
  see how long | ought | must | time for | bring back | swear | mark my words | and you'll | and youll | and you will`);

/**
 * Frames that wish harm only as the outcome of a condition the writer sets ("if my kid comes home crying
 * again, that headteacher is getting stabbed"; "the next warden on Church St gets a bat to the knees").
 */
export const CONDITIONAL_FRAMES = phrases(`is getting | are getting | is going | are going | gets a | get a | will get | he'll be | she'll be |
  they'll be | you'll be`);
export const CONDITIONS = new Set(['if', 'next']);

/** Harm ordered at the start of a sentence, or after a comma: "Line them up against the wall", "lads, torch the caravans". */
export const IMPERATIVE_HARM = phrases(`line … up | string … up | torch | stab | drown | lynch | hang | round … up and | run … over | drive … over | burn … down |
  make … disappear | feed … to the sharks | feed … to the fish | drag … by * hair | drag … by the hair`);

/** Threats, whole: to the reader ("I know where you live"), or veiled ("be a shame if something happened to your kids"). */
export const THREATS_TO_READER = phrases(`know where you live | watch your back | watch your backs | watch his back | watch her back |
  watch their backs | say that to my face | see you outside | you're next | youre next | your days are numbered |
  one eye open | coming for you | find out where you live | find out where he lives | shame if something | pity if something |
  shame if anything | pity if anything | shame if … caught fire | pity if … caught fire | shame if … burned down |
  pity if … burned down | something happened to your | something were to happen to | again and see what happens |
  see what happens to your | i'm not hard to find | im not hard to find | lucky there's a screen | lucky theres a screen |
  you'll get yours | you will get yours | you're on borrowed time | youre on borrowed time | you are on borrowed time |
  know which * you go to | minutes alone with | minutes in a room with | shut … up for good | she'd leave in an ambulance |
  he'd leave in an ambulance | they'd leave in an ambulance | she'll leave in an ambulance | he'll leave in an ambulance |
  no trial needed`);

/** Self-harm urged: on the reader ("you", "yourself") or in an imperative that needs no "you". */
export const SELF_HARM_URGED = phrases(`kill yourself | jump off | jumping off | drink bleach | neck yourself`);
export const SELF_HARM_ORDERED = phrases(`kys | favour and stop breathing | favor and stop breathing | favour and die | favor and die |
  favour and jump | favor and jump`);

/** Abuse beyond the insult words of the lexicon (which the learned model reads; these it never saw). */
export const ABUSE = phrases(`excuse for a human | waste of oxygen | waste of space | waste of skin | thickest person | dumbest person |
  stupidest person | old cow | little rat | spineless | snivelling | sniveling | thick | thicko | degenerate | troglodyte | worm |
  nonce`);
export const ALWAYS_AIMED = phrases(`thick as mince | thick as two short planks`);
