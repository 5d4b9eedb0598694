// Microsoft sign-in error codes (AADSTS…) a staff member meets on the way to the training: what each means
// for them and the FAQ step that fixes it (docs/pages.md lists the codes). Whatever the code, an error that
// names an account outside the organisation's domain is the wrong account: aad.ts checks that first. Any
// other code gets the general advice (aad.ts).
import type { Profile } from '@/utils/catalogue/profile';
import { type AlertKind, type AlertStep, MY_APPS_URL, orgLinks, orgUsername, step, wrongAccountSteps } from './alerts';

export interface AadCodeAdvice {
  kind: Extract<AlertKind, 'wrong-account' | 'sso-error'>;
  /** The alert's title: what happened, in a few plain words. */
  title: (profile: Profile) => string;
  /** What the code means for a staff member. */
  meaning: (profile: Profile) => string;
  /** The step of the HR FAQ (or, where the FAQ is silent, of the organisation's IT help) that fixes it. */
  faqStep: (profile: Profile) => string;
  steps: (profile: Profile, pageUrl: URL, course?: string) => AlertStep[];
}

const signInAgain = (profile: Profile, pageUrl: URL, course?: string): AlertStep[] => [step.signInAs(profile, pageUrl), step.mailbox(profile, course)];

const wrongAccountFaq = (p: Profile) =>
  `Check your account at ${MY_APPS_URL}; if it is not your ${orgUsername(p)} account, click “Sign out” and log in with your ${orgUsername(p)} account.`;
const logInFaq = (p: Profile) => `Log in with your ${orgUsername(p)} account.`;
/** The FAQ's advice for access problems: the organisation's IT help. */
const itHelp = (p: Profile) => (orgLinks(p).serviceDesk ? `${p.organisation} IT (${orgLinks(p).serviceDesk})` : `${p.organisation} IT`);

export const AADSTS_CODES: Record<string, AadCodeAdvice> = {
  '50020': {
    kind: 'wrong-account',
    title: (p) => `That is not your ${p.organisation} account`,
    meaning: (p) => `You signed in with an account from outside ${p.organisation} (often a personal Microsoft account), which the training does not accept.`,
    faqStep: wrongAccountFaq,
    steps: wrongAccountSteps,
  },
  '500200': {
    kind: 'wrong-account',
    title: () => 'A personal Microsoft account can’t open the training',
    meaning: (p) => `You signed in with a personal Microsoft account (such as Outlook.com or Hotmail). The training only opens with your ${p.organisation} account.`,
    faqStep: wrongAccountFaq,
    steps: wrongAccountSteps,
  },
  '90072': {
    kind: 'wrong-account',
    title: (p) => `That account is not a ${p.organisation} account`,
    meaning: (p) => `The account you used belongs to another organisation or is a personal account, and it is not in ${p.organisation}’s directory.`,
    faqStep: wrongAccountFaq,
    steps: wrongAccountSteps,
  },
  '50034': {
    kind: 'sso-error',
    title: () => 'Microsoft does not know that username',
    meaning: (p) => `The username you typed is not in ${p.organisation}’s directory: usually a typing mistake, or a personal address typed instead of ${orgUsername(p)}.`,
    faqStep: (p) => `Log in with your ${orgUsername(p)} account (check the spelling).`,
    steps: (p, url, course) => [{ text: `Sign in again and type your ${orgUsername(p)} address carefully.`, href: step.signInAs(p, url).href }, step.checkAccount(p), step.mailbox(p, course)],
  },
  '50105': {
    kind: 'sso-error',
    title: () => 'Your account has not been given access to this training yet',
    meaning: () => 'Microsoft signed you in, but your account is not assigned to this training app. Signing in again will not fix it: an administrator has to give you access.',
    faqStep: (p) => `Contact ${p.mailbox} with the subject the FAQ gives; ${itHelp(p)} can check the app assignment.`,
    steps: (p, _url, course) => [step.serviceDesk(p), step.mailbox(p, course)],
  },
  '53003': {
    kind: 'sso-error',
    title: (p) => `${p.organisation}’s access rules blocked this sign-in`,
    meaning: (p) => `${p.organisation}’s security policy did not allow this sign-in, usually because of the device, browser or place you signed in from.`,
    faqStep: (p) => `Make sure you are using ${p.organisation}’s supported operating systems and devices; for other equipment contact ${itHelp(p)}.`,
    steps: (p, _url, course) => [step.device(p), step.chrome(), step.serviceDesk(p), step.mailbox(p, course)],
  },
  '50058': {
    kind: 'sso-error',
    title: () => 'You are not signed in to Microsoft in this browser',
    meaning: (p) => `The training tried to sign you in on its own, but this browser is not signed in to your ${p.organisation} account (or that sign-in has ended).`,
    faqStep: logInFaq,
    steps: signInAgain,
  },
  '700082': {
    kind: 'sso-error',
    title: () => 'Your sign-in has expired',
    meaning: () => 'You had not used this sign-in for a long time, so Microsoft needs you to sign in again.',
    faqStep: logInFaq,
    steps: signInAgain,
  },
  '50076': {
    kind: 'sso-error',
    title: () => 'Microsoft needs you to confirm it’s you',
    meaning: (p) => `${p.organisation} asks for the extra sign-in check (multi-factor authentication, e.g. the Authenticator app) before the training opens.`,
    faqStep: (p) => `Not covered by the FAQ: complete the extra check; if you cannot, contact ${itHelp(p)}, as the FAQ advises for access problems.`,
    steps: (p, url, course) => [{ text: 'Sign in again and complete the extra check (the Authenticator app, a text or a call).', href: step.signInAs(p, url).href }, step.serviceDesk(p), step.mailbox(p, course)],
  },
  '50079': {
    kind: 'sso-error',
    title: () => 'Microsoft needs you to set up the extra sign-in check',
    meaning: (p) => `${p.organisation} needs you to register for multi-factor authentication (e.g. the Authenticator app) before the training opens.`,
    faqStep: (p) => `Not covered by the FAQ: follow Microsoft’s set-up steps; if you cannot, contact ${itHelp(p)}, as the FAQ advises for access problems.`,
    steps: (p, url, course) => [{ text: 'Sign in again and follow Microsoft’s steps to set up the extra check.', href: step.signInAs(p, url).href }, step.serviceDesk(p), step.mailbox(p, course)],
  },
};
