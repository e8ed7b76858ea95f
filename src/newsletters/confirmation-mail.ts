import type { MailMessage } from '../mail/index.js';

export function confirmationMail(options: { siteName: string; to: string; newsletters: string[]; link: string }): MailMessage {
  const list = options.newsletters.join(', ');
  return {
    to: options.to,
    subject: `Confirm your subscription to ${options.siteName}`,
    text: [
      `Someone, hopefully you, asked to receive ${list} from ${options.siteName} at this address.`,
      '',
      'Confirm by opening this link (it works for 7 days):',
      options.link,
      '',
      'If it was not you, ignore this mail: nothing is sent until the link is opened.',
    ].join('\n'),
  };
}
