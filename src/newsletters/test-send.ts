import { escapeHtml } from '../web/html.js';
import { PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER, renderEmailHtml, renderEmailText } from './email.js';
import type { SendRow } from './sends.js';
import { emailContent } from './sends.js';
import type { NewslettersDeps } from './types.js';

/** The editor's own copy before sending: the same mail, marked as a test, its links going nowhere real. */
export async function sendTestEmail(deps: NewslettersDeps, send: SendRow, to: string): Promise<void> {
  const content = await emailContent(deps, send);
  const placeholder = `${deps.config.baseUrl}/newsletters/unsubscribe?token=test`;
  const fill = (text: string, url: string) => text.split(UNSUBSCRIBE_PLACEHOLDER).join(url).split(PREFERENCES_PLACEHOLDER).join(url);
  await deps.mailer.send({
    to,
    subject: `[Test] ${send.subject}`,
    text: fill(renderEmailText(content), placeholder),
    html: fill(renderEmailHtml(content), escapeHtml(placeholder)),
    headers: { 'List-Unsubscribe': `<${placeholder}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });
}
