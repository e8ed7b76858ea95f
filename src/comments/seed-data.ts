/** A demo discussion: `who` is a reader key, `guest:NAME`, or `author` (the article's author, as staff). */
export interface DemoComment {
  key: string;
  parent?: string;
  who: string;
  /** Minutes after the article went out. */
  at: number;
  text: string;
  likes?: number;
  held?: boolean;
}

export const DEMO_READERS: Record<string, { name: string; email: string; notify?: boolean }> = {
  tom: { name: 'Tom Becker', email: 'tom.becker@readers.test', notify: true },
  lena: { name: 'Lena Hoffmann', email: 'lena@readers.test' },
  marcus: { name: 'Marcus Bell', email: 'marcus.bell@readers.test' },
  aiko: { name: 'Aiko Tanaka', email: 'aiko@readers.test', notify: true },
  samir: { name: 'Samir Haddad', email: 'samir@readers.test' },
  grace: { name: "Grace O'Neill", email: 'grace@readers.test' },
};

export const RIVER_DISCUSSION: DemoComment[] = [
  { key: 't1', who: 'tom', at: 12, likes: 9, text: "Thank you for paying for your own lab tests instead of reprinting the authority's press release. The **8% agreement** is the most reassuring number in the whole piece." },
  { key: 't1a', parent: 't1', who: 'author', at: 25, likes: 4, text: 'Thanks, Tom. The full spreadsheet is linked under Sources: every sample, with GPS coordinates and the lab’s detection limits.' },
  { key: 't1b', parent: 't1a', who: 'marcus', at: 40, text: 'Appreciated. Which lab did you use? Asking because the authority’s contractor also does testing for the county.' },
  { key: 't1c', parent: 't1b', who: 'author', at: 52, likes: 3, text: 'An accredited lab two states over with no contracts in Millbrook. It is named in the methods note at the bottom of the spreadsheet.' },
  { key: 't1d', parent: 't1c', who: 'marcus', at: 61, text: 'Perfect, that answers it.' },
  { key: 't1e', parent: 't1d', who: 'tom', at: 70, likes: 2, text: 'Good question though, Marcus. Whether the lab is independent is half the story.' },
  { key: 't1f', parent: 't1', who: 'lena', at: 33, likes: 1, text: 'Agreed. I would love to see the same approach for the water-main story.' },

  { key: 't2', who: 'guest:Old River Rat', at: 18, likes: 14, text: 'I have fished below the tannery since the 80s. Nobody I know eats what they catch down there, and nobody ever put up a sign either.' },
  { key: 't2a', parent: 't2', who: 'aiko', at: 29, text: 'Is there really no advisory posted? The state has one online for the lower reach.' },
  { key: 't2b', parent: 't2a', who: 'guest:Old River Rat', at: 44, likes: 6, text: 'Online, sure. Not at the boat ramp, where people actually are.' },
  { key: 't2c', parent: 't2b', who: 'samir', at: 58, likes: 4, text: 'There used to be a sign at the Hadley Street ramp. It was knocked down in the 2021 flood and never replaced.' },
  { key: 't2d', parent: 't2c', who: 'aiko', at: 75, text: 'That seems like an easy fix for the council committee on the 12th. Has anyone asked them?' },
  { key: 't2e', parent: 't2d', who: 'grace', at: 90, likes: 5, text: 'I emailed the committee clerk this morning. I will post here if I hear back.' },
  { key: 't2f', parent: 't2e', who: 'guest:Old River Rat', at: 104, likes: 3, text: 'Thank you. First time in years anyone has followed up on that.' },
  { key: 't2g', parent: 't2', who: 'author', at: 49, likes: 8, text: 'We are asking the water authority about signage this week and will update the story with their answer.' },

  { key: 't3', who: 'lena', at: 35, likes: 11, text: 'Genuine question: the dredging "in 2026" — is there any money set aside for that yet, or is it only in the plan?' },
  { key: 't3a', parent: 't3', who: 'marcus', at: 47, likes: 7, text: 'From the consent order: the city has to finish by the end of 2027, but the budget line for the tannery reach is zero until the contract is bid.' },
  { key: 't3b', parent: 't3a', who: 'lena', at: 55, text: 'So the fines are the only thing forcing the timeline. Not great.' },
  { key: 't3c', parent: 't3b', who: 'guest:J. Whitaker', at: 66, text: 'Fines of $10,000 a day add up fast. That is usually enough to get a contract out the door.' },
  { key: 't3d', parent: 't3c', who: 'marcus', at: 80, likes: 2, text: 'Only if the state actually collects. It waived them for the county landfill in 2019.' },
  { key: 't3e', parent: 't3', who: 'samir', at: 63, likes: 3, text: 'The environment committee agenda for March 12 is already posted. The dredging contract is item 6.' },

  { key: 't4', who: 'guest:Eastside Mom', at: 58, likes: 7, text: 'The article says kids swim next to the tannery reach. Is it safe for them to be in the water at all? Not eating fish, just swimming.' },
  { key: 't4a', parent: 't4', who: 'author', at: 71, likes: 10, text: 'Good question. Lead in sediment is mostly a risk when it is swallowed, so:\n\n- *Upstream* of the Fifth Street bridge, levels are now below the action level.\n- Below the tannery, keep small children from digging in the riverbed and wash hands afterwards.\n\nThe state health department’s [river guidance](https://example.org/health/river-guidance) has more.' },
  { key: 't4b', parent: 't4a', who: 'guest:Eastside Mom', at: 86, likes: 2, text: 'That is helpful, thank you. We will stick to the upstream beach this summer.' },

  { key: 't5', who: 'grace', at: 95, likes: 2, text: 'Small correction: the caption says dusk, but the shadows in that bridge photo say morning.' },
  { key: 't5a', parent: 't5', who: 'tom', at: 101, likes: 1, text: 'Ha, the *river* does not care what time it is.' },

  { key: 't6', who: 'samir', at: 120, likes: 5, text: 'Will you publish the 2026 sampling round the same way? A before/after map would be great.' },
  { key: 't6a', parent: 't6', who: 'author', at: 131, likes: 4, text: 'Yes — we committed to publishing every round. A map is in the works.' },

  { key: 't7', who: 'guest:J. Whitaker', at: 140, likes: 3, text: 'Thirty-one million dollars and the worst stretch has not even started. Somebody should be asking where the money went.' },
  { key: 't7a', parent: 't7', who: 'aiko', at: 150, likes: 6, text: 'The article covers it: the upstream stretch took most of the budget because it is much longer. You can disagree with the order, but the money is accounted for.' },
  { key: 't7b', parent: 't7a', who: 'guest:J. Whitaker', at: 158, text: 'Fair. I would still like to see the line items.' },
  { key: 't7c', parent: 't7b', who: 'marcus', at: 165, likes: 2, text: 'They are in the consent order appendix, page 40 onward. It is linked under Sources.' },

  { key: 'held', who: 'guest:Riverwatch', at: 145, held: true, text: 'Everyone at the water authority should be fired. Every last one of them, and the council with them.' },
];

export const WATER_MAIN_DISCUSSION: DemoComment[] = [
  { key: 'w1', who: 'samir', at: 90, likes: 4, text: 'About $4 a month is fine for us, but a tiered rate would have been fairer to renters. Good to see that argument in the story.' },
  { key: 'w1a', parent: 'w1', who: 'lena', at: 130, likes: 2, text: 'Renters often do not even see the water bill directly — it is folded into the rent, and the increase will be too.' },
  { key: 'w2', who: 'guest:Pipe Fitter', at: 200, likes: 6, text: 'Cast iron from before 1940 is well past its life. The Eastside breaks last winter were no surprise to anyone who works on them.' },
];
