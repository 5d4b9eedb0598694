// All CybSafe DOM knowledge: the DOM itself is a guess (docs/pages.md), so the readers lean on roles,
// headings, visible words and dates. When the real site differs, this is the file to fix.

export const CS_SELECTORS = {
  /** The overall progress (top right): an ARIA progress bar or a native <progress>. */
  progressBar: '[role="progressbar"], progress',
  headings: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  links: 'a[href]',
  /** Where a login error is shown: an alert region, a live region, or the login form itself. */
  errorContext: '[role="alert"], [role="alertdialog"], [role="status"], [aria-live], form, [role="dialog"]',
  /** Elements that label a value on My Account (definition lists, tables, forms). */
  fieldLabels: 'dt, th, label, [role="rowheader"], strong, b, span, p, div',
  /** Never text the user sees. */
  ignored: 'script, style, noscript, template',
};

/** The login error. A question ("Account not found?") is a help link or a course, not the error. */
export const ACCOUNT_NOT_FOUND = /^account not found\b(?!\s*\?)/;

/** Patterns over normalised text (lower case, single spaces, straight quotes). */
export const CS_TEXT = {
  /** Headings that name the course on CybSafe: the catalogue's "Information Security Training" or the CCSA. */
  courseTitle: /\b(information security|ccsa|certified security awareness)\b/,
  preferredTitle: /^information security training$/,
  certificateContext: /\b(certificate|ccsa)\b/,
  certificateLink: /\bcertificate\b/,
  /** "Completed on 28 October 2025", "Awarded: 28/10/2025". The date itself is parsed separately. */
  completedOn: /\b(completed|achieved|awarded|earned|issued|passed)\b\s*(on\b)?\s*:?/,
  /** "50%", "Progress 50%", "50% complete". */
  percent: /(\d{1,3}(?:\.\d+)?)\s*%/,
  percentLine: /^(?:(?:your|overall|total)\s+)?(?:progress\s*:?\s*)?\d{1,3}(?:\.\d+)?\s*%(?:\s*(?:complete|completed|done))?$/,
  progressLabel: /\b(progress|overall|complete|completed)\b/,
  accountNotFound: ACCOUNT_NOT_FOUND,
  myAccount: /^my account$/,
  /** A form that signs in (its typed address is not the signed-in account). */
  loginForm: /\b(sign in|log in|login|sso|single sign-on)\b/,
  labels: {
    name: /^(full\s+)?name\s*:?$/,
    firstName: /^first\s*name\s*:?$/,
    lastName: /^(last\s*name|surname)\s*:?$/,
    email: /^(e-?mail|e-?mail address|work e-?mail)\s*:?$/,
  },
};

/** The title to use when the page names no course: everything on CybSafe is the Information Security training. */
export const CS_DEFAULT_TITLE = 'Information Security Training';
