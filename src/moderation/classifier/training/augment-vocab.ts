/** Slot fillers for the training-time templates in `augment.ts`. Written for this project. */
export interface GroupName {
  plural: string;
  adjective: string;
  singular: string;
}

const group = (plural: string, adjective: string, singular: string): GroupName => ({ plural, adjective, singular });

export const GROUPS: GroupName[] = [
  group('Kurds', 'Kurdish', 'Kurd'), group('Russians', 'Russian', 'Russian'), group('Ukrainians', 'Ukrainian', 'Ukrainian'),
  group('Muslims', 'Muslim', 'Muslim'), group('Jews', 'Jewish', 'Jew'), group('Christians', 'Christian', 'Christian'),
  group('immigrants', 'immigrant', 'immigrant'), group('refugees', 'refugee', 'refugee'), group('women', 'female', 'woman'),
  group('gay people', 'gay', 'gay man'), group('trans people', 'trans', 'trans woman'), group('black people', 'black', 'black man'),
  group('disabled people', 'disabled', 'disabled person'), group('Mexicans', 'Mexican', 'Mexican'), group('Arabs', 'Arab', 'Arab'),
  group('Palestinians', 'Palestinian', 'Palestinian'), group('Israelis', 'Israeli', 'Israeli'), group('Turks', 'Turkish', 'Turk'),
  group('Chinese people', 'Chinese', 'Chinese man'), group('Poles', 'Polish', 'Pole'), group('Roma', 'Roma', 'Roma man'),
  group('Hindus', 'Hindu', 'Hindu'), group('Syrians', 'Syrian', 'Syrian'), group('Africans', 'African', 'African'),
  group('Asians', 'Asian', 'Asian'), group('lesbians', 'lesbian', 'lesbian'), group('migrants', 'migrant', 'migrant'),
  group('Serbs', 'Serbian', 'Serb'), group('Armenians', 'Armenian', 'Armenian'), group('Iranians', 'Iranian', 'Iranian'),
  group('Somalis', 'Somali', 'Somali'), group('Pakistanis', 'Pakistani', 'Pakistani'), group('Americans', 'American', 'American'),
];

export const DEHUMANISING = [
  'vermin', 'rats', 'cockroaches', 'parasites', 'orcs', 'animals', 'subhumans', 'savages', 'apes', 'pigs',
  'insects', 'lice', 'leeches', 'maggots', 'scum', 'filth', 'a plague', 'a cancer', 'a disease', 'beasts', 'locusts',
  'creatures', 'mongrels', 'an infestation', 'barbarians', 'trash', 'snakes',
];

export const ATTRIBUTES = [
  'disgusting', 'evil', 'filthy', 'worthless', 'inferior', 'stupid', 'lazy', 'criminals', 'rapists', 'terrorists',
  'thieves', 'pathetic', 'dangerous', 'primitive', 'degenerates', 'a disgrace', 'vile', 'a burden on society',
  'less intelligent than everyone else', 'naturally violent', 'all liars', 'a danger to our children',
];

export const VIOLENCE = ['kill', 'shoot', 'hang', 'gas', 'exterminate', 'liquidate', 'slaughter', 'butcher', 'burn', 'execute', 'drown', 'lynch', 'eradicate', 'wipe out', 'massacre', 'behead', 'stab'];
export const VIOLENCE_DONE = ['killed', 'shot', 'hanged', 'gassed', 'exterminated', 'liquidated', 'slaughtered', 'burned alive', 'executed', 'drowned', 'lynched', 'eradicated', 'wiped out', 'massacred', 'beheaded', 'put down', 'strung up'];

export const INSULTS = ['idiot', 'moron', 'imbecile', 'loser', 'clown', 'fool', 'cretin', 'liar', 'hypocrite', 'coward', 'troll', 'dimwit', 'halfwit', 'piece of garbage', 'waste of space', 'bitch', 'bastard', 'asshole', 'dickhead', 'prick'];

export const COUNTRIES = ['Russia', 'Ukraine', 'Israel', 'Iran', 'Turkey', 'Syria', 'China', 'the United States', 'Poland', 'Germany', 'France', 'Serbia', 'Armenia', 'Azerbaijan', 'Sudan', 'Ethiopia', 'Hungary', 'India', 'Pakistan', 'Mexico', 'Britain', 'Lebanon', 'Yemen', 'Iraq'];
export const CITIES = ['Kharkiv', 'Gaza', 'Aleppo', 'Mosul', 'Mariupol', 'Khartoum', 'Kabul', 'Beirut', 'Donetsk', 'Kyiv', 'Bakhmut', 'Rafah', 'Idlib', 'Tigray', 'Kirkuk', 'Odesa', 'Jenin', 'Stepanakert'];
export const LEADERS = ['the president', 'the prime minister', 'the defence minister', 'the foreign secretary', 'the mayor', 'the chancellor', 'the opposition leader', 'the general', 'the governor', 'the senator', 'the spokesman', 'the party chairman'];
export const TOPICS = ['the war', 'the ceasefire', 'the sanctions', 'immigration policy', 'the budget', 'the pension reform', 'the election', 'the new border law', 'the peace talks', 'arms deliveries', 'the refugee quota', 'the blockade', 'the occupation', 'climate policy', 'the tax rise', 'the asylum bill', 'the headscarf ban', 'religious schools', 'the mobilisation', 'the annexation', 'the referendum', 'NATO expansion'];
export const PARTIES = ['the government', 'the opposition', 'the ruling party', 'the coalition', 'the Greens', 'the conservatives', 'the liberals', 'the socialists', 'Labour', 'the Republicans', 'the Democrats', 'parliament', 'the Kremlin', 'Brussels', 'the regime', 'the junta', 'the council'];
export const RELIGIONS = ['Islam', 'Christianity', 'Judaism', 'Hinduism', 'the Catholic Church', 'the Orthodox Church', 'Buddhism', 'religion'];
export const THINGS = ['this weather', 'the traffic', 'pineapple on pizza', 'Mondays', 'this app', 'the new stadium', 'reality TV', 'the ending of that film', 'this paywall', 'the crossword', 'my commute', 'the train timetable'];
export const PROFANE_OPENERS = ['Fucking hell,', 'Holy shit,', 'Damn,', 'Bloody hell,', 'Well, shit,', 'Oh for fuck\'s sake,', 'Hell yes,', 'Shit,', 'F***ing finally,', 'Christ,'];

/** People by role, trade or politics: not a people, but violence and dehumanisation aimed at them still hold. */
export const ROLES = [
  'landlords', 'bankers', 'politicians', 'journalists', 'protesters', 'cops', 'police officers', 'judges', 'lawyers', 'teachers',
  'cyclists', 'drivers', 'tourists', 'students', 'boomers', 'liberals', 'conservatives', 'leftists', 'Tories', 'Republicans',
  'Democrats', 'feminists', 'vegans', 'billionaires', 'referees', 'councillors', 'the council', 'climate activists', 'strikers',
  'union bosses', 'tax inspectors', 'traffic wardens', 'estate agents', 'developers', 'MPs', 'senators', 'reporters', 'doctors', 'nurses',
];
export const ROLE_SINGULAR = ['the landlord', 'the mayor', 'the referee', 'that journalist', 'the judge', 'my neighbour', 'the author', 'this reporter', 'the councillor', 'the senator', 'your boss', 'the coach'];
export const DEHUMANISING_ONE = ['vermin', 'a rat', 'a cockroach', 'a parasite', 'an animal', 'subhuman', 'a pig', 'scum', 'filth', 'a maggot', 'a leech', 'a snake', 'a disease', 'a subhuman'];
