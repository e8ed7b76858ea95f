import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AccountsTables } from './tables/accounts.js';
import type { ArticlesTables } from './tables/articles.js';
import type { CommentsTables } from './tables/comments.js';
import type { DonationsTables } from './tables/donations.js';
import type { InstancesTables } from './tables/instances.js';
import type { MediaTables } from './tables/media.js';
import type { SiteAdaptationTables } from './tables/site-adaptation.js';
import type { StaffAccountsTables } from './tables/staff-accounts.js';
import type { ModerationTables } from './tables/moderation.js';
import type { NewslettersTables } from './tables/newsletters.js';
import type { TransferTables } from './tables/transfer.js';
import type { TwoFactorTables } from './tables/two-factor.js';

/** Every table, one file of column types per owning domain under `tables/`. */
export interface Database extends AccountsTables, ArticlesTables, CommentsTables, ModerationTables, NewslettersTables, DonationsTables, InstancesTables, MediaTables, SiteAdaptationTables, StaffAccountsTables, TransferTables, TwoFactorTables {}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
export type RowUpdate<T extends keyof Database> = Updateable<Database[T]>;

export type * from './tables/accounts.js';
export type * from './tables/articles.js';
export type * from './tables/comments.js';
export type * from './tables/donations.js';
export type * from './tables/media.js';
export type * from './tables/moderation.js';
export type * from './tables/newsletters.js';
export type * from './tables/site-adaptation.js';
export type * from './tables/staff-accounts.js';
export type * from './tables/two-factor.js';
