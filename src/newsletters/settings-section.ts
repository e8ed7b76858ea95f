import { checkbox, integerSetting, textArea, textField, type SettingsSection } from '../web/admin/index.js';
import { html } from '../web/html.js';
import { TRACKING_EXPLANATION } from './tracking.js';

export const newslettersSettingsSection: SettingsSection = {
  id: 'newsletters',
  group: 'newsletters',
  title: 'Newsletters',
  description: 'Sending limits and what every newsletter carries. Opens and clicks are not counted unless you turn it on below.',
  toForm: ({ newsletters }) => ({
    emailsPerMinute: String(newsletters.emailsPerMinute),
    footerAddress: newsletters.footerAddress,
    showSubscribeForms: newsletters.showSubscribeForms ? '1' : undefined,
    trackOpensAndClicks: newsletters.trackOpensAndClicks ? '1' : undefined,
  }),
  fields: (values, error) => html`
    ${textField({ name: 'emailsPerMinute', label: 'Emails per minute', type: 'number', value: values.emailsPerMinute ?? '', error, hint: 'Across all instances. Match your mail provider’s rate limit.' })}
    ${textArea({ name: 'footerAddress', label: 'Postal address in the footer', value: values.footerAddress ?? '', error, rows: 3, hint: 'Anti-spam laws (CAN-SPAM, CASL) ask bulk mail to carry one.' })}
    ${checkbox({ name: 'showSubscribeForms', label: 'Show subscribe forms under articles, on the front page and after a gift', checked: values.showSubscribeForms !== undefined })}
    ${checkbox({ name: 'trackOpensAndClicks', label: 'Count opens and link clicks of newsletters (off by default)', checked: values.trackOpensAndClicks !== undefined, hint: TRACKING_EXPLANATION })}`,
  parse: (values) => {
    const footerAddress = (values.footerAddress ?? '').trim();
    return {
      emailsPerMinute: integerSetting(values, 'emailsPerMinute', 1, 100_000),
      footerAddress: footerAddress.slice(0, 500),
      showSubscribeForms: values.showSubscribeForms !== undefined,
      trackOpensAndClicks: values.trackOpensAndClicks !== undefined,
    };
  },
};
