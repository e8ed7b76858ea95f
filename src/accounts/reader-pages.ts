import { html, type Html } from '../web/html.js';
import type { ReaderProfile } from './readers.js';

export function signInByEmailForm(options: { csrf: string; returnTo?: string | null; sent?: boolean; sentTo?: string; error?: string }): Html {
  return html`<section class="narrow-form">
  <h1>Your reader account</h1>
  ${options.sent
    ? html`<p class="notice" role="status">${options.sentTo ? html`Check your inbox: we sent a sign-in link to <strong>${options.sentTo}</strong>. It works once, for 15 minutes. Wrong address? Enter another below.` : 'Check your inbox: we sent you a sign-in link. It works once, for 15 minutes.'}</p>`
    : html`<p class="muted">Sign in with your email address: we send you a link, no password needed.</p>`}
  ${options.error ? html`<p class="notice notice--error" role="alert">${options.error}</p>` : ''}
  <form method="post" action="/auth/magic-link">
    <input type="hidden" name="_csrf" value="${options.csrf}">
    ${options.returnTo ? html`<input type="hidden" name="returnTo" value="${options.returnTo}">` : ''}
    <label for="magic-email">Email</label>
    <input id="magic-email" name="email" type="email" autocomplete="email" required maxlength="254">
    <p><button type="submit">Email me a sign-in link</button></p>
  </form>
  <p class="muted">Newsroom staff: <a href="/login">sign in with your password</a>.</p>
</section>`;
}

export function accountForm(options: { csrf: string; profile: ReaderProfile; saved?: boolean; error?: string; displayName?: string; extra?: Html }): Html {
  const { profile } = options;
  return html`<section class="narrow-form">
  <h1>Your reader account</h1>
  <p class="muted">Signed in as ${profile.email ?? profile.displayName}.</p>
  ${options.saved ? html`<p class="notice" role="status">Saved.</p>` : ''}
  ${options.error ? html`<p class="notice notice--error" role="alert">${options.error}</p>` : ''}
  <form method="post" action="/account">
    <input type="hidden" name="_csrf" value="${options.csrf}">
    <label for="display-name">Display name</label>
    <input id="display-name" name="displayName" required maxlength="40" value="${options.displayName ?? profile.displayName}" autocomplete="nickname">
    <p class="muted">Shown with your comments: 2 to 40 characters.</p>
    <p><label class="checkbox"><input type="checkbox" name="notifyReplies" value="1"${profile.notifyReplies ? html` checked` : ''}> Email me when someone replies to my comments (at most one mail per conversation every few minutes)</label></p>
    <p><button type="submit">Save</button></p>
  </form>
  ${options.extra ?? ''}
  <section aria-labelledby="your-data-title">
    <h2 id="your-data-title">Your data</h2>
    <p><a href="/account/data.json" download>Download everything we hold about you</a> (comments, reactions, reports, donations) as JSON.</p>
    <p><a href="/account/delete">Delete your account</a></p>
  </section>
</section>`;
}

export function messagePage(heading: string, message: string, link?: { href: string; label: string }): Html {
  return html`<section class="narrow-form">
  <h1>${heading}</h1>
  <p>${message}</p>
  ${link ? html`<p><a href="${link.href}">${link.label}</a></p>` : ''}
</section>`;
}
