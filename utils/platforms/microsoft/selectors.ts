// All Microsoft DOM knowledge (docs/pages.md): ids and attributes the public pages are known to use, and
// message openings. Microsoft says its sentences change: codes and ids are what the readers key on.

export const MS_SELECTORS = {
  /** "Pick an account": one tile per remembered account, the address in the attribute. */
  accountTile: 'div[data-test-id], [data-test-id][role="button"]',
  otherTile: '#otherTile',
  emailInput: '#i0116, input[name="loginfmt"]',
  nextButton: '#idSIButton9',
  /** The account menu (top right) on Microsoft 365 pages; newer builds use data-testid/data-tid. */
  currentAccountEmail: [
    '#mectrl_currentAccount_secondary',
    '[data-testid="mectrl_currentAccount_secondary"]',
    '[data-tid="mectrl_currentAccount_secondary"]',
  ].join(', '),
};

/** Normalised message openings (see normalizeText: lower case, straight apostrophes). */
export const MS_PHRASES = {
  workAccountOnly: /^you can only access this site with a work account\b/,
  personalAccountNotHere: /^you can'?t sign in here with a personal account\b/,
  pickAnAccount: /^pick an account$/,
  /** The generic error page's own line above the AADSTS code. */
  troubleSigningIn: /^sorry,? but we'?re having trouble signing you in\b/,
};

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const REQUEST_ID = new RegExp(`request\\s*id\\s*:?\\s*(${GUID})`, 'i');
export const CORRELATION_ID = new RegExp(`correlation\\s*id\\s*:?\\s*(${GUID})`, 'i');
export const TIMESTAMP = /timestamp\s*:?\s*(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)/i;
/** The error line: the code opens its own line, followed by a colon ("Message: " prefixes it in the details table). */
export const ERROR_LINE = /^(?:message\s*:?\s*)?aadsts\s*(\d{4,8})\s*:\s*(.*)$/;
