import { html, type Html } from '../web/html.js';
import type { Newsletter } from './types.js';

export type SubscribePlacement = 'article' | 'home' | 'donation' | 'account';

/**
 * The subscribe box. The same bytes for every visitor of a page (no token, no address, no state), so
 * cached article and home pages can carry it; the route answers the same whatever the address.
 */
export function subscribeForm(newsletters: Newsletter[], placement: SubscribePlacement): Html {
  if (newsletters.length === 0) return html``;
  const id = `subscribe-${placement}`;
  const choices = newsletters.length === 1
    ? html`<input type="hidden" name="newsletter" value="${newsletters[0].slug}">`
    : html`<fieldset class="subscribe-box__choices"><legend>Newsletters</legend>${newsletters.map(
        (newsletter, index) => html`<label><input type="checkbox" name="newsletter" value="${newsletter.slug}"${index === 0 ? html` checked` : ''}> ${newsletter.name}${newsletter.description ? html` <span class="hint">${newsletter.description}</span>` : ''}</label>`,
      )}</fieldset>`;
  const heading = placement === 'donation' ? 'Stay in touch' : newsletters.length === 1 ? newsletters[0].name : 'Get our newsletters';
  return html`<section class="subscribe-box" aria-labelledby="${id}-heading">
  <h2 id="${id}-heading">${heading}</h2>
  <p>Our journalism in your inbox. We send a link to confirm; unsubscribe with one click.</p>
  <form method="post" action="/newsletters/subscribe" class="subscribe-box__form">
    <input type="hidden" name="placement" value="${placement}">
    ${choices}
    <label for="${id}-email">Email address</label>
    <input id="${id}-email" name="email" type="email" required maxlength="254" autocomplete="email" placeholder="you@example.org">
    <button type="submit">Subscribe</button>
  </form>
</section>`;
}

export function checkEmailPage(): Html {
  return html`<section class="narrow-form">
  <h1>Check your inbox</h1>
  <p>If this address can receive our mail, a message with a link to confirm your subscription is on its way. Nothing is sent to you until you open it.</p>
  <p><a href="/">Back to the front page</a></p>
</section>`;
}

export function subscribedPage(names: string[], preferencesHref: string): Html {
  return html`<section class="narrow-form">
  <h1>You are subscribed</h1>
  <p>${names.length > 0 ? `You will receive ${names.join(', ')}.` : 'Your subscription is confirmed.'} Every mail has a link to unsubscribe at once.</p>
  <p><a href="${preferencesHref}">Choose your newsletters</a> · <a href="/">Front page</a></p>
</section>`;
}

export function invalidLinkPage(): Html {
  return html`<section class="narrow-form">
  <h1>Link not valid</h1>
  <p>This link is not valid or has expired. Subscribe again from any article, or use the link in a newer email.</p>
  <p><a href="/">Front page</a></p>
</section>`;
}

export function unsubscribeConfirmPage(action: string, newsletterName: string | null, preferencesHref: string): Html {
  return html`<section class="narrow-form">
  <h1>Unsubscribe</h1>
  <p>${newsletterName ? `Stop receiving ${newsletterName}?` : 'Stop receiving our newsletters?'}</p>
  <form method="post" action="${action}">
    <button type="submit">Unsubscribe</button>
  </form>
  <p><a href="${preferencesHref}">Or choose which newsletters you receive</a></p>
</section>`;
}

export function unsubscribedPage(preferencesHref: string): Html {
  return html`<section class="narrow-form">
  <h1>You are unsubscribed</h1>
  <p>You will not receive this newsletter again. Changed your mind? <a href="${preferencesHref}">Choose your newsletters</a>.</p>
</section>`;
}

export function preferencesPage(options: { email: string; newsletters: Newsletter[]; chosen: string[]; action: string; saved: boolean }): Html {
  const chosen = new Set(options.chosen);
  return html`<section class="narrow-form">
  <h1>Your newsletters</h1>
  <p>For ${options.email}.</p>
  ${options.saved ? html`<p class="notice" role="status">Saved.</p>` : ''}
  <form method="post" action="${options.action}">
    <fieldset><legend>Send me</legend>
    ${options.newsletters.map(
      (newsletter) => html`<div class="field field--checkbox"><label><input type="checkbox" name="newsletter" value="${newsletter.id}"${chosen.has(newsletter.id) ? html` checked` : ''}> ${newsletter.name}</label>${newsletter.description ? html`<p class="hint">${newsletter.description}</p>` : ''}</div>`,
    )}
    </fieldset>
    <button type="submit">Save</button>
  </form>
  <p class="hint">Untick everything to unsubscribe from all of them. We do not track opens or clicks.</p>
</section>`;
}

/** The reader's account page: their newsletters, changed in one click (the address is proven by signing in). */
export function accountNewsletters(options: { newsletters: Newsletter[]; chosen: string[]; csrf: string }): Html {
  if (options.newsletters.length === 0) return html``;
  const chosen = new Set(options.chosen);
  return html`<section class="account-newsletters" aria-labelledby="account-newsletters-heading">
  <h2 id="account-newsletters-heading">Newsletters</h2>
  <form method="post" action="/account/newsletters">
    <input type="hidden" name="_csrf" value="${options.csrf}">
    ${options.newsletters.map(
      (newsletter) => html`<div class="field field--checkbox"><label><input type="checkbox" name="newsletter" value="${newsletter.id}"${chosen.has(newsletter.id) ? html` checked` : ''}> ${newsletter.name}</label></div>`,
    )}
    <button type="submit">Save newsletters</button>
  </form>
</section>`;
}

export function subscribeErrorPage(message: string): Html {
  return html`<section class="narrow-form">
  <h1>Subscribe</h1>
  <p class="notice notice--error" role="alert">${message}</p>
  <form method="post" action="/newsletters/subscribe">
    <label for="subscribe-retry-email">Email address</label>
    <input id="subscribe-retry-email" name="email" type="email" required maxlength="254" autocomplete="email">
    <button type="submit">Subscribe</button>
  </form>
</section>`;
}
