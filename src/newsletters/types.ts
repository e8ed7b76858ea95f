import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DialectName } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Mailer } from '../mail/index.js';
import type { SettingsService } from '../settings/index.js';
import type { FastifyBaseLogger } from 'fastify';

/** The drive's progress as the email's call to action shows it, from the donations domain. */
export interface DriveProgress {
  title: string;
  cta: string;
  raisedLabel: string;
  goalLabel: string;
  percent: number;
  /** 0–100. */
  fill: number;
}

export interface NewslettersDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  now: () => Date;
  settings: SettingsService;
  config: Pick<Config, 'baseUrl' | 'secret' | 'mailFrom'>;
  log: FastifyBaseLogger;
  mailer: Mailer;
  /** The current drive's meter, or null when there is none. */
  driveProgress: () => Promise<DriveProgress | null>;
}

export interface Newsletter {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
  archived: boolean;
}
