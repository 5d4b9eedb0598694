// A ready-to-send message to the training mailbox about a problem the doctor found. It quotes only what the
// user saw on screen (codes, ids, the account shown) and the page address without its query, which on
// sign-in pages carries tokens and login hints.
import type { Profile } from '@/utils/catalogue/profile';
import { type Diagnosis, UNKNOWN_COURSE, courseForPage, mailSubject, mailtoHref } from './alerts';

export interface TroubleshootEmail {
  to: string;
  subject: string;
  body: string;
}

const DETAIL_LABELS: Record<string, string> = {
  code: 'Error code',
  requestId: 'Request Id',
  correlationId: 'Correlation Id',
  timestamp: 'Timestamp',
  message: 'Message',
  account: 'Signed in as',
  accounts: 'Accounts offered',
  browser: 'Browser',
  effectiveType: 'Connection type (Chrome)',
  rtt: 'Round trip (Chrome)',
  downlink: 'Download speed (Chrome)',
  pageLoad: 'Page load time',
  typicalFile: 'Typical file load time',
  files: 'Files measured',
  stalls: 'Video stalls',
  longestStall: 'Longest stall',
};

/** Keeps the whole message well under the ~2,000 characters a Windows mailto: survives. */
const MAX_DETAIL_CHARS = 300;

/** Origin and path only. */
export function pageAddress(pageUrl: URL | string): string {
  try {
    const u = new URL(String(pageUrl));
    return `${u.origin}${u.pathname}`;
  } catch {
    return '';
  }
}

function label(key: string): string {
  return DETAIL_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

export function troubleshootEmail(diagnosis: Diagnosis, profile: Profile, pageUrl: URL | string, course: string | undefined = diagnosis.course): TroubleshootEmail {
  const lines: string[] = ['Hello,', '', `I am having a problem with my mandatory training${course ? ` (${course})` : ''}.`, ''];
  lines.push(`What happened: ${diagnosis.title}`);
  if (diagnosis.summary) lines.push(diagnosis.summary);
  lines.push('');
  const address = pageAddress(pageUrl);
  if (address) lines.push(`Page: ${address}`);
  for (const [key, value] of Object.entries(diagnosis.details ?? {})) {
    const text = value.length > MAX_DETAIL_CHARS ? `${value.slice(0, MAX_DETAIL_CHARS)}…` : value;
    lines.push(`${label(key)}: ${text}`);
  }
  // The steps the user was shown, minus "email the mailbox" (this is that email).
  const tried = diagnosis.steps.filter((s) => !s.href?.startsWith('mailto:')).map((s) => `- ${s.text}`);
  if (tried.length) lines.push('', 'Steps suggested by the FAQ:', ...tried);
  lines.push('', 'Thank you.');
  return { to: profile.mailbox, subject: mailSubject(profile, course ?? UNKNOWN_COURSE), body: lines.join('\n') };
}

/** The same message as a `mailto:` link. */
export function troubleshootMailtoFor(diagnosis: Diagnosis, profile: Profile, pageUrl: URL | string): string {
  const message = troubleshootEmail(diagnosis, profile, pageUrl);
  return mailtoHref(message.to, message.subject, message.body);
}

/** A problem the extension logged earlier (the side panel's "problems seen lately"). */
export interface LoggedProblem {
  at: string;
  kind: string;
  title: string;
  pageUrl: string;
}

/**
 * A `mailto:` to the training mailbox about the latest logged problem, or a blank-form message when there
 * is none: the FAQ's subject line, the problem's title, when and on which page (no query) it was seen.
 */
export function troubleshootMailto(profile: Profile, problem: LoggedProblem | null): string {
  const course = problem ? courseForPage(problem.pageUrl, profile) : undefined;
  const lines = ['Hello,', '', `I am having difficulty accessing my mandatory training${course ? ` (${course})` : ''}.`, ''];
  if (problem) {
    const when = new Date(problem.at);
    lines.push(`What happened: ${problem.title}`);
    if (!Number.isNaN(when.getTime())) lines.push(`When: ${when.toISOString().replace(/\.\d+Z$/, 'Z')}`);
    const address = pageAddress(problem.pageUrl);
    if (address) lines.push(`Page: ${address}`);
  } else {
    lines.push('What happened: (please describe the problem, and the course concerned)');
  }
  lines.push('', 'Thank you.');
  return mailtoHref(profile.mailbox, mailSubject(profile, course ?? UNKNOWN_COURSE), lines.join('\n'));
}
