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
    /** Reactions, flags, edits and deletions per minute per IP. */
    actionsPerMinutePerIp: number;
    /** Guest likes one comment takes from one network (IPv4 address or IPv6 /64), whatever their cookies; 0 = no limit. */
    guestReactionsPerAddress: number;
    defaultSort: 'oldest' | 'newest' | 'reacted';
    /** Top-level threads per page. */
    threadsPerPage: number;
    /** Replies shown under each thread before "Show N more replies". */
    repliesPerThread: number;
    /** Reply notifications wait this long so a busy thread sends one mail, not fifty. */
    notifyBatchMinutes: number;
    /** When a reader deletes their account: keep their comments' text as "Deleted reader", or erase it. */
    deletedReaderComments: 'anonymise' | 'remove';
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
    /** Site word lists: whole words; a trailing `*` matches any ending. Banned rejects, suspect holds. */
    bannedWords: string[];
    suspectWords: string[];
    /** Words that contain a listed word but are fine ("Scunthorpe"). */
    allowedWords: string[];
    /** The same text by the same reader within this many minutes is held as a repeat. */
    repeatWindowMinutes: number;
    /** More than `floodCount` comments within `floodWindowSeconds` are held. */
    floodCount: number;
    floodWindowSeconds: number;
    /** Apply what `tribune moderate learn` (or the nightly run) fitted on moderators' decisions. */
    learnFromModerators: boolean;
    /** Refit it every night, once across instances; opt-in. */
    learnNightly: boolean;
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
    /** BCP 47 tag for money on the meter and donate page; empty = the site's locale. */
    locale: string;
    /** The organisation that receives the money, as receipts name it (empty = the site's name). */
    legalName: string;
    /** Its postal address, printed on receipts and yearly statements. */
    legalAddress: string;
    /** The owner's words at the top of every receipt (plain text, paragraphs separated by blank lines). */
    receiptText: string;
  };
  newsletters: {
    /** Emails handed to the SMTP relay per minute, across all instances (match the relay's quota). */
    emailsPerMinute: number;
    /** Postal address in every newsletter's footer (anti-spam laws ask for one). */
    footerAddress: string;
    /** Offer the subscribe box under articles, on the home page and after a gift. */
    showSubscribeForms: boolean;
    /** Count each recipient's first open and first click of a send (pixel and redirected links); off by default. */
    trackOpensAndClicks: boolean;
  };
  media: {
    /** Largest upload accepted, in megabytes. */
    maxUploadMegabytes: number;
    /** Largest image accepted, in megapixels (width × height read from the header, before any decoding). */
    maxMegapixels: number;
    /** Keep one copyright/credit line (EXIF Copyright) in the stored files; every other field is always removed. */
    keepCreditLine: boolean;
  };
  /** Links in the header and footer of every public page, in order, and the donate page's own text. */
  navigation: {
    header: NavigationLink[];
    footer: NavigationLink[];
    /** Slug of the page whose text stands above the donation form on /donate; '' for none. */
    donatePage: string;
  };
  security: {
    /** Staff must set up a second factor (authenticator app or passkey) before using the admin. */
    requireTwoFactorForStaff: boolean;
  };
}

export type SettingsGroup = keyof SiteSettings;

/** One navigation entry: a page here (`/about`), another path, or an address elsewhere. */
export interface NavigationLink {
  label: string;
  href: string;
}

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
    actionsPerMinutePerIp: 60,
    guestReactionsPerAddress: 3,
    defaultSort: 'oldest',
    threadsPerPage: 20,
    repliesPerThread: 5,
    notifyBatchMinutes: 10,
    deletedReaderComments: 'anonymise',
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
    repeatWindowMinutes: 60,
    floodCount: 5,
    floodWindowSeconds: 60,
    learnFromModerators: true,
    learnNightly: false,
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
    locale: '',
    legalName: '',
    legalAddress: '',
    receiptText: 'Thank you for supporting independent journalism. Your gift pays for reporting that stays free for everyone to read.',
  },
  newsletters: {
    emailsPerMinute: 600,
    footerAddress: '',
    showSubscribeForms: true,
    trackOpensAndClicks: false,
  },
  media: {
    maxUploadMegabytes: 20,
    maxMegapixels: 50,
    keepCreditLine: false,
  },
  navigation: {
    header: [],
    footer: [],
    donatePage: '',
  },
  security: {
    requireTwoFactorForStaff: false,
  },
};
