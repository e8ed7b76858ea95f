/**
 * Word lists for the targeted features: who is talked about (peoples and identity groups), what is said
 * of them (dehumanising terms, negative attributes, violence) and the cues that turn it around
 * (negation, quotation, condemnation). All lower case; matched on whole tokens after light stemming.
 */
const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Demonyms and identity adjectives ("Kurdish orcs", "Jewish parasites"). */
export const GROUP_ADJECTIVES = words(`
  afghan african albanian algerian american arab arabic armenian asian australian austrian azerbaijani
  bangladeshi belarusian belgian black bosnian brazilian british bulgarian burmese cambodian canadian
  caribbean chechen chilean chinese colombian congolese croatian cuban czech danish dutch egyptian english
  eritrean estonian ethiopian european filipino finnish french georgian german ghanaian greek haitian
  hispanic hungarian indian indonesian iranian iraqi irish israeli italian jamaican japanese jewish
  jordanian kazakh kenyan korean kosovar kurdish kyrgyz latino latina latinx latvian lebanese libyan
  lithuanian macedonian malaysian mexican moldovan mongolian montenegrin moroccan native nepalese nigerian
  pakistani palestinian persian peruvian polish portuguese romani roma romanian russian rwandan saudi
  scottish senegalese serbian slovak slovenian somali spanish sudanese swedish swiss syrian taiwanese tajik
  tamil thai tibetan turkish turkmen ugandan ukrainian uyghur uzbek venezuelan vietnamese welsh white
  yemeni zimbabwean muslim islamic christian catholic protestant orthodox hindu sikh buddhist atheist
  mormon gay lesbian bisexual trans transgender queer intersex disabled deaf blind autistic immigrant
  migrant foreign indigenous aboriginal gypsy mixed-race biracial brown yazidi druze coptic alawite
  shia sunni rohingya hazara pashtun baloch berber bedouin kashmiri punjabi bengali
`);

/** Group nouns in the plural (and a few singular) as written after light stemming. */
export const GROUP_NOUNS = words(`
  afghans africans albanians algerians americans arabs armenians asians australians azerbaijanis
  belarusians blacks bosnians brits british chechens chinese croats cubans czechs dutch egyptians english
  eritreans ethiopians europeans filipinos french georgians germans greeks haitians hispanics hungarians
  indians iranians iraqis irish israelis italians jamaicans japanese jews kurds latinos latinas latinx
  lebanese libyans mexicans moroccans nigerians pakistanis palestinians persians poles romanians russians
  saudis scots serbs somalis spaniards sudanese swedes syrians tamils turks ukrainians uyghurs venezuelans
  vietnamese whites yemenis muslims moslems christians catholics protestants hindus sikhs buddhists
  atheists mormons gays lesbians bisexuals homosexuals transgenders trans queers immigrants migrants
  refugees asylum-seekers foreigners natives aboriginals gypsies roma travellers women woman girls ladies
  females men males blacks jew muslim immigrant refugee migrant foreigner woman transwoman transwomen
  transmen disabled cripples autistics mexican arab kurd turk russian ukrainian israeli palestinian
  zionists islamists wetbacks negroes niggers kikes chinks spics gooks faggots fags trannies dykes
  retards ruzzians khokhols americunts muzzies moslems yids pakis coons ragheads towelheads beaners
  latinx rohingya yazidis uighurs
`);

/** Nouns that make a following or preceding adjective a group: "Kurdish people", "black folks". */
export const PEOPLE_NOUNS = words('people peoples folks folk population community communities men women kids children families race nation tribe couples girls boys');

/** Non-identity targets that still count when someone calls for violence against them. */
export const PERSON_TARGETS = words(`
  them they you him her yourself yourselves themselves us people everyone everybody all traitors
  liberals leftists conservatives republicans democrats politicians journalists protesters voters
  soldiers civilians children kids collaborators separatists opponents
`);

export const DEMONSTRATIVES = words('those these such all every');

export const DEHUMANISING = words(`
  vermin rat rats cockroach cockroaches roaches roach parasite parasites orc orcs orks animal animals
  subhuman subhumans sub-human sub-humans untermensch untermenschen savage savages ape apes monkey monkeys
  pig pigs swine dog dogs insect insects lice louse leech leeches maggot maggots termite termites locust
  locusts scum filth trash garbage excrement cancer plague disease infestation beast beasts creature
  creatures mongrel mongrels barbarian barbarians pest pests snake snakes vipers viper hyenas hyena
  baboons gorilla gorillas primate primates bacteria virus tumour tumor filthy subhumanity mutant mutants
  roach vomit sewage cattle livestock breeders
`);

/** Predicates that attack a group when said of it: "[group] are disgusting". */
export const NEGATIVE_ATTRIBUTES = words(`
  disgusting vile evil filthy dirty worthless inferior stupid dumb lazy criminal criminals rapists rapist
  terrorists terrorist thieves thief pathetic dangerous violent primitive backward retarded ugly
  useless pedophiles paedophiles perverts perverted sick degenerate degenerates disgrace gross repulsive
  revolting nasty wicked sneaky greedy liars subhuman inbred worst idiots morons scum trash burden
  infestation invaders invading invasion plague cancer diseased unclean abomination abominations
  mentally illness unnatural freaks freak brainwashed barbaric uncivilized uncivilised blight parasitic
  animalistic untrustworthy treacherous ungrateful incapable unfit unworthy hideous subhuman vermin
`);

/** Verbs of violence (stems) that make a threat when aimed at people. */
export const VIOLENCE = words(`
  kill murder liquidate exterminate eradicate annihilate gas hang lynch shoot slaughter butcher massacre
  behead execute eliminate purge cleanse exterminat burn bomb nuke drown stab torture rape beat hunt
  destroy wipe strangle shot hanged killed murdered gassed slaughtered executed burned burnt lynched
  drowned stabbed beheaded purged wiped eradicated exterminated liquidated butchered massacred
  annihilated eliminated tortured raped hunted destroyed strangled die dead genocide castrate sterilize
  sterilise deport whip flog cull euthanize euthanise crucify neuter killing shooting hunting gassing
  hanging lynching stabbing slaughtering exterminating butchering burning bombing
`);

/** Violence past participles used after "be": "should be shot". */
export const VIOLENCE_DONE = words(`
  shot hanged hung killed murdered gassed slaughtered executed burned burnt lynched drowned stabbed beheaded
  purged wiped eradicated exterminated liquidated butchered massacred annihilated eliminated tortured
  raped hunted destroyed strangled castrated sterilized sterilised nuked bombed beaten whipped flogged
  stoned skinned culled euthanized euthanised neutered caged crucified electrocuted strung rounded
`);

/** Said of a group after a modal, these make it the victim: "[group] should hang", "will burn". */
export const DOOM = words('hang burn rot perish fry swing die suffer starve choke');

/** Doom verbs that are also plain predictions ("will suffer from the sanctions"): threats only when wished. */
export const DOOM_ONLY_WISHED = words('die suffer starve choke');

/** Things that kill, named instead of the verb: "every one of them deserves a bullet". */
export const VIOLENT_NOUNS = words(`
  bullet bullets noose nooses gallows guillotine oven ovens chamber chambers lamppost lampposts beating
  beatings rifle rifles gun guns shotgun machete machetes grenade grenades flamethrower
`);

/** Places of worship and refuge: an attack on them is an attack on the people inside. */
export const GATHERING_PLACES = words(`
  mosque mosques synagogue synagogues church churches temple temples gurdwara gurdwaras shul
  shelter shelters hostel hostels
`);

/** Places a group is said to belong in or be put into: cages, camps, ovens. */
export const CONFINEMENT = words(`
  cage cages zoo zoos camp camps oven ovens chamber chambers kennel kennels gutter gutters sewer sewers
  ghetto ghettos kitchen kitchens jail jails prison prisons
`);

/** Modals that state what will happen rather than what should: "will be killed" may be news. */
export const PREDICTIVE = words("will shall gonna going they'll you'll he'll she'll");

export const MODALS = words(`
  should must need needs have has ought will shall gonna going let's lets lemme wanna want deserve
  deserves time i'll we'll you'll they'll gotta better
`);

export const HATE_VERBS = words('hate hates despise despises loathe loathes detest detests abhor abhors');

export const NEGATIONS = words(`
  not no never nobody noone none nothing neither nor without don't doesn't didn't isn't aren't wasn't
  weren't can't cannot couldn't won't wouldn't shouldn't mustn't hardly nowhere ain't dont doesnt didnt
  isnt arent cant wont wouldnt shouldnt
`);

/** Words that open a sentence by reporting what others call a people: "Calling refugees vermin is …". */
export const REPORT_OPENERS = words('calling saying describing labelling labeling comparing claiming branding');

/** Words that report or quote what someone else said. */
export const REPORTING = words(`
  saying say says said calling call calls called claim claims claiming claimed describe describes
  describing described label labels labelling labeling labelled labeled refer refers referring compare
  compares comparing compared statements statement comments comment words rhetoric remarks remark tweet
  tweets chant chants chanting slogan slogans propaganda quote quotes quoting posters signs wrote
  hear hearing heard read reading idea ideas notion myth myths stereotype stereotypes trope tropes
  narrative belief beliefs think thinks thought believe believes believed assume assumes imagine
  imagines pretend pretends insist insists
`);

/** Verbs that report someone else only when someone else says them: "I think X" is the writer's own view. */
export const OWN_VOICE_VERBS = words(`
  say says saying said think thinks thought believe believes believed assume assumes imagine imagines
  insist insists claim claims calling call
`);

/** Words that condemn what was reported: the sentence is counter-speech. */
export const CONDEMNING = words(`
  disgusting wrong unacceptable racist racism hateful hate bigoted bigotry bigot bigots vile abhorrent
  shameful dehumanising dehumanizing dehumanisation dehumanization disgraceful appalling hurtful offensive
  horrible terrible sickening despicable inexcusable outrageous condemn condemns condemned dangerous
  genocidal xenophobic islamophobic antisemitic antisemitism homophobic transphobic misogynistic sexist
  inhumane stop ashamed unacceptable nonsense lies ignorant ignorance propaganda fascist nazi banned
  slur slurs insult insulting myth myths lie incitement arrested prosecuted punished jailed stereotype
  stereotypes trope tropes debunked untrue false hurt hurts cruel pathetic complained complaint fired
  sacked convicted sentenced guilty accused charged court trial defendant bullied bullying harassed
  harassment abuse abused angry furious upsetting shocking shocked outraged saddening heartbreaking
`);

export const SECOND_PERSON = words("you you're youre your ur u ya yourself y'all");

/** Abuse. Words of plain political criticism (liar, hypocrite, coward, traitor) are left to the n-grams. */
export const INSULTS = words(`
  idiot idiots moron morons stupid dumb imbecile cretin loser losers pathetic fool fools clown clowns
  retard retarded scum trash garbage worthless bitch bitches bastard bastards cunt cunts twat twats prick
  pricks dick dickhead asshole assholes arsehole whore whores slut sluts jerk dumbass dipshit shithead
  freak freaks brainless scumbag scumbags filth vermin halfwit dimwit numpty pillock tosser wanker
  halfwits dimwits numpties pillocks tossers wankers jerks dumbasses dipshits shitheads dickheads arseholes
  cretins imbeciles muppet muppets plonker plonkers bellend bellends gobshite gobshites eejit eejits
  knobhead knobheads douche douchebag douchebags dunce dunces buffoon buffoons nitwit nitwits twit twits
  prat prats dolt dolts dullard dullards ignoramus nincompoop simpleton simpletons cockwomble wazzock
  galah drongo drongos dropkick dropkicks bozo bozos lowlife lowlifes sleazebag sleazeball slimeball
  scrote scrotes dirtbag dirtbags shitbag toerag toerags tosspot arsewipe
`);

export const PROFANITY = words('fuck fucking fucked fucker shit shitty crap damn bloody hell piss pissed ass arse bollocks');

/** Slurs most often said within the group they name: the words phase still holds them, but the classifier does not score them as an attack on it. */
export const IN_GROUP_SLURS = words('nigga');
