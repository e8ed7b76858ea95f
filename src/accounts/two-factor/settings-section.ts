import { checkbox } from '../../web/admin/form.js';
import type { SettingsSection } from '../../web/admin/settings-sections.js';
import { html } from '../../web/html.js';

/** The admin's switch that makes every staff member set up a second factor before using the admin. */
export const securitySettingsSection: SettingsSection = {
  id: 'security',
  group: 'security',
  title: 'Security',
  description: 'Sign-in rules for editors, moderators and admins. Readers are not affected.',
  toForm: ({ security }) => ({ requireTwoFactorForStaff: security.requireTwoFactorForStaff ? '1' : undefined }),
  fields: (values) => html`
    ${checkbox({
      name: 'requireTwoFactorForStaff',
      label: 'Require two-factor sign-in for all staff',
      checked: values.requireTwoFactorForStaff !== undefined,
      hint: 'Staff without an authenticator app or a passkey are sent to set one up before they can use the admin. Staff who are signed in now are asked on their next admin page.',
    })}`,
  parse: (values) => ({ requireTwoFactorForStaff: values.requireTwoFactorForStaff !== undefined }),
};
