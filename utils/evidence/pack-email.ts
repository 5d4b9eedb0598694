// The draft email of the evidence pack: who is writing, each course with its dates, what is attached
// for it and what is missing and why, then the attachments themselves. Sent to the training mailbox,
// or for role-specific courses to the department the user named (the FAQ).
import { buildEmlBytes, isPlainAddress } from './eml';
import { dateText } from './pack-files';
import type { Findings } from './pack-missing';
import type { EvidenceFailure, EvidencePackInput, PackFile, SenderCheck } from './pack-input';

const PIECE_LABEL = { 'completion-record': 'Completed', certificate: 'Certificate', 'training-history': 'Training history' } as const;

/** An address for a From or To header: one plain addr-spec with a dotted domain. */
export function isUsableAddress(address: string): boolean {
  return isPlainAddress(address) && /@[^@]+\.[^@.]+$/.test(address);
}

/**
 * What the draft's From header can carry: only a usable address (else the draft has none, and the
 * review says why); an address outside the organisation's domain is kept with a warning.
 */
export function checkSender(email: string, emailDomain?: string): SenderCheck {
  const address = email.trim();
  if (!address) return { from: null, problem: 'No email address is known, so the draft has no sender: your mail program will fill in your own.', warning: null };
  if (!isUsableAddress(address)) {
    return { from: null, problem: `“${address.slice(0, 80)}” is not an email address, so the draft has no sender: your mail program will fill in your own.`, warning: null };
  }
  const domain = emailDomain?.toLowerCase();
  const host = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  const inside = !domain || host === domain || host.endsWith(`.${domain}`);
  return {
    from: address,
    problem: null,
    warning: inside ? null : `${address} is not a ${domain} address. HR match evidence to your work address, so send it from that if you can.`,
  };
}

/** The recipient: the department for role-specific courses, else the training mailbox. */
export function recipientOf(input: EvidencePackInput): string {
  const roleSpecific = input.courses.filter((c) => c.roleSpecific).length;
  if (roleSpecific && roleSpecific < input.courses.length) {
    throw new RangeError('Role-specific courses go to their department and the others to the training mailbox: make one pack for each.');
  }
  if (!input.to) {
    if (roleSpecific) throw new RangeError('Role-specific training goes to the department responsible for it: give its email address.');
    return input.profile.mailbox;
  }
  const address = input.to.address.trim();
  if (!isUsableAddress(address)) throw new RangeError(`“${address.slice(0, 80)}” is not an email address: check the department’s address.`);
  return address;
}

export interface Attachment {
  name: string;
  description: string;
  file: PackFile;
}

/** The courteous plain-text body: who, which courses with dates and evidence, what is attached, what is not. */
export function evidenceEmailBody(
  input: EvidencePackInput,
  findings: Findings,
  attachments: Attachment[],
  failures: EvidenceFailure[],
  sender: SenderCheck,
): string {
  const lines: string[] = [];
  const one = input.courses.length === 1;
  if (input.to) {
    lines.push('Dear colleagues,', '');
    lines.push(
      `Please find attached evidence that I have completed the training ${one ? 'course' : 'courses'} below. Please could you record ${one ? 'it' : 'them'}?`,
      '',
    );
  } else {
    lines.push('Dear Mandatory Training team,', '');
    lines.push(
      `I have been asked to complete the mandatory training ${one ? 'course' : 'courses'} below, but I have already completed ${one ? 'it' : 'them'}. ` +
        'Please could you check my learning record and correct it?',
      '',
    );
  }
  lines.push(`Name: ${input.person.name.trim() || '(not known)'}`);
  lines.push(`Email: ${sender.from ?? '(not known)'}`, '');
  for (const { course, certificates, screenshots, missing } of findings.courses) {
    const why = (piece: keyof typeof PIECE_LABEL) => missing.find((m) => m.evidence === piece)?.reason;
    lines.push(`Course: ${course.name}`);
    const completed = dateText(course.completedOn);
    lines.push(`  Completed: ${completed ? `${completed}${course.completedFrom ? ` (${course.completedFrom})` : ''}` : `date not recorded — ${why('completion-record')}`}`);
    lines.push(`  Certificate: ${certificates.length ? certificates.map((c) => c.name).join(', ') : `none attached — ${why('certificate')}`}`);
    if (screenshots.length) lines.push(`  Screenshot: ${screenshots.map((s) => s.name).join(', ')}`);
    if (!course.roleSpecific) lines.push(`  Renewal due: ${dateText(course.due) ?? 'no renewal date recorded'}`);
    const history = why('training-history');
    if (history) lines.push(`  ${PIECE_LABEL['training-history']}: not attached — ${history}`);
    lines.push('');
  }
  if (attachments.length) {
    lines.push('The attached files are evidence of my completion:');
    for (const a of attachments) lines.push(`- ${a.name} (${a.description})`);
    lines.push('');
  }
  const unsaid = failures.filter((f) => !findings.said.has(f));
  if (unsaid.length) {
    lines.push('I could not include:');
    for (const f of unsaid) lines.push(`- ${f.what}: ${f.reason}`);
    lines.push('');
  }
  lines.push('Kind regards,', input.person.name.trim());
  return lines.join('\n').trimEnd() + '\n';
}

/** The files attached to the email: certificates, screenshots of the courses, the history (or our CSV in its place). */
export function attachmentsOf(files: PackFile[], findings: Findings): Attachment[] {
  const courseShots = new Set(findings.courses.flatMap((c) => c.screenshots.map((s) => `screenshots/${s.name}`)));
  const attached = files.filter((f) => f.path.startsWith('certificates/') || courseShots.has(f.path) || f.attachAs);
  // Without the platform's spreadsheet, our CSV stands in as the training history.
  if (!files.some((f) => f.attachAs)) {
    const csv = files.find((f) => f.path === 'training-history.csv');
    if (csv) attached.push(csv);
  }
  return attached.map((f) => ({ name: f.attachAs ?? f.path.split('/').pop()!, description: f.description, file: f }));
}

export function emlFile(to: string, subject: string, body: string, sender: SenderCheck, input: EvidencePackInput, attachments: Attachment[]): PackFile {
  const eml = buildEmlBytes({
    ...(sender.from ? { from: { name: input.person.name.trim(), address: sender.from } } : {}),
    to,
    subject,
    text: body,
    attachments: attachments.map((a) => ({ filename: a.name, contentType: a.file.mediaType, data: a.file.data })),
  });
  const count = attachments.length;
  return {
    path: 'completion-issue.eml',
    data: eml,
    mediaType: 'message/rfc822',
    source: 'generated',
    description: `draft e-mail to ${to} with ${count === 0 ? 'no attachments' : `${count} attachment${count === 1 ? '' : 's'}: ${attachments.map((a) => a.name).join(', ')}`}`,
    // Mostly base64 of PDFs: deflate saves ~7% of the pack for ~0.5 s of blocking per 3 MB (measured).
    compress: false,
  };
}
