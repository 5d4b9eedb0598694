// What a detector hands to the UI: the alert kind (docs/contract.md), a plain-words title and summary, and the
// FAQ's steps in the FAQ's order, each with a link ready to click where there is one.
import type { Profile } from '@/utils/catalogue/profile';
import { CYBSAFE_HOST, isLearnUponHost, siteOfHost } from '@/utils/hosts';

export const ALERT_KINDS = ['wrong-account', 'sso-error', 'slow-connection', 'media-buffering', 'unsupported-browser', 'other-portal'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertStep {
  text: string;
  href?: string;
}

export interface Diagnosis {
  kind: AlertKind;
  /** What happened, in a few plain words. */
  title: string;
  /** One or two sentences: what the page told us and why it matters (every detector here sets it). */
  summary?: string;
  steps: AlertStep[];
  /** Facts worth quoting to a helpdesk: code, requestId, correlationId, timestamp, account, measurements. */
  details?: Record<string, string>;
  /** The course concerned when known (used in the mailbox subject). */
  course?: string;
}

export const MY_APPS_URL = 'https://myapps.microsoft.com/';
/** Microsoft's own sign-out endpoint: one click signs every Microsoft account out of this browser. */
export const MICROSOFT_SIGN_OUT_URL = 'https://login.microsoftonline.com/common/oauth2/v2.0/logout';
export const CYBSAFE_LOGIN_URL = `https://${CYBSAFE_HOST}/login`;

/** Links the UCL FAQ gives; another organisation gets the same steps without them (the profile has no such fields yet). */
interface OrgLinks {
  deviceSupport?: string;
  serviceDesk?: string;
}
const ORG_LINKS: Record<string, OrgLinks> = {
  'ucl.ac.uk': {
    deviceSupport: 'https://www.ucl.ac.uk/isd/services/computers/using-your-owndepartmental-device/computer-support-ucl',
    serviceDesk: 'https://www.ucl.ac.uk/isd/help-support',
  },
};

export function orgLinks(profile: Profile): OrgLinks {
  return ORG_LINKS[profile.emailDomain.toLowerCase()] ?? {};
}

/** The FAQ's placeholder when we do not know which course: the user fills it in. */
export const UNKNOWN_COURSE = 'course name';

/** "Mandatory Training (Information Security Training) completion issue". */
export function mailSubject(profile: Profile, course: string = UNKNOWN_COURSE): string {
  return profile.subjectTemplate.split('{course}').join(course);
}

/** `mailto:` with %20 for spaces (Outlook shows `+` literally). Keep bodies short: Windows cuts near 2,000 characters. */
export function mailtoHref(to: string, subject: string, body?: string): string {
  const query = [`subject=${encodeURIComponent(subject)}`];
  if (body) query.push(`body=${encodeURIComponent(body)}`);
  return `mailto:${to}?${query.join('&')}`;
}

/** The course Information Security lives under, from the catalogue, for CybSafe pages. */
export function cybsafeCourseName(profile: Profile): string | undefined {
  return profile.courses.find((c) => c.platform === 'cybsafe')?.name;
}

function hostOf(pageUrl: URL | string | undefined): string {
  if (!pageUrl) return '';
  try {
    return new URL(String(pageUrl)).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** Where "sign in again" should start: the platform the user was trying to reach, through SSO. */
export function signInAgainUrl(pageUrl: URL | string | undefined, profile: Profile): string {
  const host = hostOf(pageUrl);
  if (siteOfHost(host) === 'cybsafe') return CYBSAFE_LOGIN_URL;
  // The FAQ's own link: SAML first, then the learner's course list (always the organisation's portal).
  if (isLearnUponHost(host)) return `https://${profile.portalHost}/saml/init?redirect_uri=/dashboard?display=my_courses`;
  return MY_APPS_URL;
}

export function orgUsername(profile: Profile): string {
  return `username@${profile.emailDomain}`;
}

/** The FAQ's steps, one builder each, so every alert words them the same way. */
export const step = {
  checkAccount(profile: Profile): AlertStep {
    return {
      text: `Open My Apps and check the account shown under your user icon (top right) is your ${profile.organisation} account, e.g. ${orgUsername(profile)}.`,
      href: MY_APPS_URL,
    };
  },
  signOut(): AlertStep {
    return { text: 'Sign out of the Microsoft account you are using.', href: MICROSOFT_SIGN_OUT_URL };
  },
  signInAs(profile: Profile, pageUrl?: URL | string): AlertStep {
    return { text: `Sign in again with your ${orgUsername(profile)} account.`, href: signInAgainUrl(pageUrl, profile) };
  },
  useAnotherAccount(profile: Profile): AlertStep {
    return { text: `Choose “Use another account” and type your ${orgUsername(profile)} address.` };
  },
  vpn(): AlertStep {
    return { text: 'If you are connected to the VPN, disconnect it (the training does not need it), then refresh this page.' };
  },
  chrome(): AlertStep {
    return { text: 'Use Google Chrome: it is the browser that best supports the online training.', href: 'https://www.google.com/chrome/' };
  },
  device(profile: Profile): AlertStep {
    const href = orgLinks(profile).deviceSupport;
    return href
      ? { text: `Check your computer is one ${profile.organisation} ISD supports.`, href }
      : { text: `Check your computer and operating system are supported by ${profile.organisation} IT.` };
  },
  serviceDesk(profile: Profile): AlertStep {
    const href = orgLinks(profile).serviceDesk;
    const text = `Contact the ${profile.organisation} IT service desk and give them the Request Id, Correlation Id and Timestamp below.`;
    return href ? { text, href } : { text };
  },
  mailbox(profile: Profile, course?: string): AlertStep {
    const subject = mailSubject(profile, course);
    return {
      text: `Still stuck? Email ${profile.mailbox} with the subject “${subject}”.`,
      href: mailtoHref(profile.mailbox, subject),
    };
  },
};

/** The FAQ's wrong-account cure: check at My Apps, sign out, sign in as username@domain, then the mailbox. */
export function wrongAccountSteps(profile: Profile, pageUrl?: URL | string, course?: string): AlertStep[] {
  return [step.checkAccount(profile), step.signOut(), step.signInAs(profile, pageUrl), step.mailbox(profile, course)];
}

/** The FAQ's access-problem advice, most likely cure first. */
export function connectionSteps(profile: Profile, course?: string): AlertStep[] {
  return [step.vpn(), step.chrome(), step.device(profile), step.mailbox(profile, course)];
}

/** The course to name in the subject, from the page the problem is on. */
export function courseForPage(pageUrl: URL | string | undefined, profile: Profile): string | undefined {
  return siteOfHost(hostOf(pageUrl)) === 'cybsafe' ? cybsafeCourseName(profile) : undefined;
}
