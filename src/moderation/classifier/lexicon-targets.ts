/**
 * People who are not a people: occupations, roles, parties, classes, crowds. Violence or dehumanisation
 * aimed at them holds as much as at a people ("landlords are vermin", "protesters should be shot",
 * "journalists deserve a bullet"); it scores as toxicity or threat, not as an identity attack.
 */
const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Plural (and common singular) nouns for people by role, trade, politics or class. */
export const ROLE_NOUNS = words(`
  landlord landlords tenant tenants banker bankers lawyer lawyers solicitor solicitors politician politicians
  journalist journalists reporter reporters editor editors columnist columnists protester protesters
  protestor protestors demonstrator demonstrators marcher marchers cop cops copper coppers police policemen
  policeman policewoman officer officers soldier soldiers troops teacher teachers doctor doctors nurse nurses
  judge judges magistrate magistrates mp mps senator senators congressman congressmen councillor councillors
  councilor councilors mayor mayors minister ministers president presidents governor governors official
  officials bureaucrat bureaucrats boomer boomers millennial millennials zoomers liberal liberals libs
  leftist leftists lefties conservative conservatives tory tories republican republicans democrat democrats
  socialist socialists communist communists commies capitalist capitalists feminist feminists activist
  activists environmentalists vegans cyclist cyclists driver drivers motorist motorists tourist tourists
  student students worker workers strikers unionists supporters fans voter voters billionaire billionaires
  millionaire millionaires elites executive executives ceo ceos investor investors developer developers
  rioter rioters looter looters thug thugs criminal criminals thieves dealers addicts junkies homeless
  beggars squatters trolls moderators referee referees ref refs player players hooligans antifa nazis
  fascists trumpers maga scientists priest priests imam imams rabbi rabbis pastor pastors vicar vicars
  lobbyists royals bosses managers employers neighbour neighbours neighbor neighbors parents teenagers
  youths kids children hipsters gamers celebrities influencers cleaners farmers miners truckers
  guards prisoners inmates prosecutors attorneys campaigners hunters
  anglers fishermen builders plumbers contractors economists cabinet
  author authors writer writers commenter commenters poster posters
`);

/** Pronouns for a person or a crowd that a threat or an insult can be aimed at. */
export const PERSON_PRONOUNS = words("you he she him her they them y'all ya u ur");

/**
 * Plural nouns with these endings are mostly people ("cyclists", "bankers", "Brexiteers"). Not enough
 * alone to aim a violent verb (sport talks of "destroying the Rangers"), only to read the subject of
 * "[X] are vermin" or "[X] should be shot".
 */
const AGENT_SUFFIX = /^[a-z][a-z-]{3,}(?:ers|ors|ists|ians|eers|ants|ents)$/;

/** Words with those endings that are not people. */
const NOT_PEOPLE = words(`
  numbers papers letters others orders matters answers powers borders waters centers centres computers
  offers filters chapters quarters headquarters covers layers markers containers corners towers flowers rivers
  stickers trailers banners charters ingredients comments documents moments payments events governments
  statements arguments elements amendments segments investments departments apartments instruments
  achievements treatments experiments settlements requirements components
  doors floors colors colours errors factors sectors mirrors motors rumors rumours tumors tumours favors
  favours flavors flavours honors honours vectors monitors sensors elevators escalators calculators
  generators indicators corridors interiors exteriors tractors reactors
  lists wrists twists fists mists plants grants pants restaurants
  weathers burgers teasers trousers sneakers speakers sliders shoulders boulders powders
  hamsters lobsters oysters monsters spiders
`);

/** Nouns for things or animals that "[X] are vermin" says nothing bad of anyone by. */
export const ANIMAL_OR_THING = words(`
  rats mice pigeons foxes squirrels rabbits wasps flies mosquitoes ants termites cockroaches pests weeds
  slugs snails seagulls geese crows badgers deer boars
`);

/** A noun for a person or a crowd who is not a people: listed, or by its agentive ending (`subject` only). */
export function isRoleNoun(word: string, subject = false): boolean {
  if (ROLE_NOUNS.has(word)) return true;
  if (!subject || word.length < 7 || NOT_PEOPLE.has(word) || ANIMAL_OR_THING.has(word)) return false;
  return AGENT_SUFFIX.test(word);
}
