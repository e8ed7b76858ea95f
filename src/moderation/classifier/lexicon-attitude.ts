/**
 * Broad word classes for the dense features in `lexical.ts`: how negative a text is, about whom, and in
 * which voice. They are deliberately general (no list was fitted to a data set), so a learned weight on
 * "a negative word near a group noun" carries from tweets to forums to news comments, where individual
 * n-grams do not.
 */
const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Negative evaluation of people: character, intellect, morals, hygiene, worth. */
export const NEGATIVE = words(`
  abhorrent abnormal abusive aggressive annoying arrogant awful backward bad barbaric beastly bigoted
  bloodthirsty brainless brainwashed brutal careless cheap cheating cheats corrupt coward cowardly cowards
  crazy creepy criminal criminals crooked crooks cruel cunning dangerous deceitful degenerate degenerates
  degrading delusional demonic deranged despicable destructive deviant deviants devious dim dirty
  dishonest disgrace disgraceful disgusting dishonest disloyal dreadful dull dumb evil fake fanatic
  fanatical fanatics fat feeble filthy foolish foul fraud frauds freakish gross grotesque hateful hideous
  hopeless horrible horrid hostile hypocrites hypocritical idiotic ignorant illegal illiterate immoral
  impure incompetent inbred inferior insane intolerant irrational jealous junkies lazy leeches liars lying
  malicious manipulative mean menace mental moronic nasty nuisance obnoxious parasitic pathetic perverse
  perverted pest petty poisonous pointless primitive problem problems psycho psychopaths psychotic
  pushy rabid repugnant repulsive retarded revolting rotten rude ruthless sadistic savage scary selfish
  shameless shady sick sinful sinister slimy sloppy smelly sneaky spineless stinking stinky stupid
  subhuman tainted terrible thieving thugs thuggish toxic traitorous treacherous trashy ugly uncivilised
  uncivilized uneducated unfit unhygienic unintelligent unnatural unstable untrustworthy useless vicious
  vile violent vulgar weak weird wicked worst worthless wretched
`);

/** Abuse verbs and verbs of exclusion ("ship them out", "ban them", "get rid of"). */
export const EXCLUSION = words(`
  deport deported deporting deportation expel expelled banish banished ban banned kick kicked ship shipped
  remove removed rid send sent segregate segregated sterilise sterilize sterilised sterilized lock locked
  cage caged quarantine quarantined exclude excluded outlaw outlawed
`);

/** "They", "them", "those": talk about an out-group. */
export const OTHERING = words("they them their theirs themselves they're theyre those these");

/** "We", "us", "our": talk for an in-group, common in forum hate. */
export const IN_GROUP = words("we us our ours ourselves we're");

/** Words that turn a remark into a claim about every member of a group. */
export const GENERALISING = words('all every always never none typical typically entire whole any most naturally inherently');

export const FIRST_PERSON = words("i i'm im me my myself i've i'd i'll");
