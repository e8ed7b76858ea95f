/**
 * What drawing comment markup needs to know about the page and the viewer. The same type for the
 * server's article page and the widget in the browser, so both draw from the same facts.
 */
export interface MarkupContext {
  articleId: string;
  slug: string;
  /** '' on the site's own pages; the site's origin when drawn on another site, so links lead back to it. */
  origin: string;
  /** The form token on the site's pages; '' when embedded (the browser's Origin header vouches there). */
  csrf: string;
  locale: string;
  /** The site's time zone; undefined when unknown (embedded): the reader's own zone then. */
  timeZone: string | undefined;
  now: Date;
  /** Null when open; else why comments are closed. */
  closed: string | null;
  guestsAllowed: boolean;
  signedIn: boolean;
  viewerName: string | null;
  maxLength: number;
  /** Without JavaScript, `?reply=ID`, `?edit=ID` or `?report=ID` opens that form under the comment. */
  open: { reply?: string; edit?: string; report?: string };
  /** Drawn by the widget: forms close with a button instead of a link back to the page. */
  scripted: boolean;
}

export function articlePath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}`;
}

/** A link to the site itself: relative on its own pages, absolute and in a new tab from another site. */
export function siteHref(context: Pick<MarkupContext, 'origin'>, path: string): string {
  return context.origin + path;
}
