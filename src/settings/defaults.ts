/** Every site setting with its default. A stored group is merged over these, so new fields get defaults. */
export interface SiteSettings {
  site: {
    name: string;
    description: string;
    logoUrl: string;
    /** IANA zone: dates on pages and the monthly drive window follow it. */
    timeZone: string;
    /** BCP 47 tag for dates and money. */
    locale: string;
  };
  comments: {
    guestsAllowed: boolean;
    maxLength: number;
    editWindowMinutes: number;
    autoCloseDays: number;
    /** Origins allowed to embed the comment widget and post through it. */
    embedOrigins: string[];
    postsPerMinutePerIp: number;
    postsPerMinutePerReader: number;
  };
  moderation: {
    premoderateAll: boolean;
    holdThreshold: number;
    rejectThreshold: number;
    /** The first N comments of a new reader are held. */
    newReaderPremoderateCount: number;
    /** Readers with fewer approved comments than this have comments with links held. */
    linkMinApproved: number;
    nudge: boolean;
    reportThreshold: number;
    bannedWords: string[];
    suspectWords: string[];
    allowedWords: string[];
  };
  donations: {
    currency: string;
    /** Where the currency symbol goes: `2,350 $` (after) or `$2,350` (before). */
    symbolPosition: 'before' | 'after';
    presetAmounts: number[];
    minimumAmount: number;
    maximumAmount: number;
    bankTransfer: string;
    cryptoAddresses: { label: string; address: string }[];
    donorWall: boolean;
  };
}

export type SettingsGroup = keyof SiteSettings;

export const defaultSettings: SiteSettings = {
  site: {
    name: 'Tribune',
    description: 'Independent, reader-funded journalism.',
    logoUrl: '',
    timeZone: 'UTC',
    locale: 'en-US',
  },
  comments: {
    guestsAllowed: true,
    maxLength: 5000,
    editWindowMinutes: 15,
    autoCloseDays: 14,
    embedOrigins: [],
    postsPerMinutePerIp: 10,
    postsPerMinutePerReader: 5,
  },
  moderation: {
    premoderateAll: false,
    holdThreshold: 0.5,
    rejectThreshold: 0.98,
    newReaderPremoderateCount: 0,
    linkMinApproved: 1,
    nudge: true,
    reportThreshold: 1,
    bannedWords: [],
    suspectWords: [],
    allowedWords: [],
  },
  donations: {
    currency: 'USD',
    symbolPosition: 'after',
    presetAmounts: [500, 1000, 2500, 5000],
    minimumAmount: 100,
    maximumAmount: 1_000_000,
    bankTransfer: '',
    cryptoAddresses: [],
    donorWall: true,
  },
};
