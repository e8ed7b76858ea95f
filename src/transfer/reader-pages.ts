import type { DeletedReaderComments } from '../comments/index.js';
import { html, type Html } from '../web/html.js';

/** The confirmation before a reader deletes their account: what goes, what stays, and a last chance to download. */
export function deleteAccountForm(options: { csrf: string; mode: DeletedReaderComments; error?: string }): Html {
  return html`<section class="narrow-form">
  <h1>Delete your account</h1>
  ${options.error ? html`<p class="notice notice--error" role="alert">${options.error}</p>` : ''}
  <p>Before you go, you can <a href="/account/data.json" download>download all your data</a> (your profile, comments, reactions, reports and newsletter subscriptions) as a JSON file.</p>
  <p>When you delete your account:</p>
  <ul>
    ${options.mode === 'remove'
      ? html`<li>your comments are removed: their text is erased, and replies to them stay in place under “deleted”;</li>`
      : html`<li>your comments stay, signed “Deleted reader”, with nothing linking them to you;</li>`}
    <li>your reactions are removed, and reports you made no longer name you;</li>
    <li>you are signed out everywhere, and your email address is forgotten;</li>
    <li>your newsletter subscriptions end and the record of newsletters mailed to you is deleted;</li>
    <li>gifts you made stay in the site’s accounts, as money records must.</li>
  </ul>
  <p>This cannot be undone. You can always come back and sign in again as a new reader.</p>
  <form method="post" action="/account/delete">
    <input type="hidden" name="_csrf" value="${options.csrf}">
    <p><label class="checkbox"><input type="checkbox" name="confirm" value="yes" required> I want my account deleted</label></p>
    <p><button type="submit">Delete my account</button> <a href="/account">Keep my account</a></p>
  </form>
</section>`;
}

export function staffCannotDelete(): Html {
  return html`<section class="narrow-form">
  <h1>Delete your account</h1>
  <p>Staff accounts are not deleted here: an admin removes them under Admin → Users, so the newsroom is never left without one.</p>
  <p><a href="/account/data.json" download>Download your data</a> · <a href="/account">Your account</a></p>
</section>`;
}

export function accountDeleted(): Html {
  return html`<section class="narrow-form">
  <h1>Your account is deleted</h1>
  <p>You are signed out, and the account is gone. Thank you for reading and taking part.</p>
  <p><a href="/">Back to the front page</a></p>
</section>`;
}
