// The moderation pipeline's public contract: what it announces.

/** On the `site-adaptation` channel: what moderation learned from this site changed; instances reload it. */
export type AdaptationEvent = { type: 'site-adaptation.changed' };
