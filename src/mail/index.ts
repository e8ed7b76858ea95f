export { createMailer, MailDeliveryError, mailboxDir, readMailbox, type MailMessage, type MailReceipt, type Mailer, type StoredMail } from './mailer.js';
