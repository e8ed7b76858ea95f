export { createMailer, mailboxDir, readMailbox, type MailMessage, type Mailer, type StoredMail } from './mailer.js';
