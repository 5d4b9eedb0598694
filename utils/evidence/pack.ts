// The one-click evidence pack (docs/contract.md, "Evidence pack"): a zip holding a draft e-mail to the
// training mailbox (or, for role-specific courses, the department) with the certificates and training
// history attached, the history itself, every completion as CSV, the certificates and screenshots, a
// printable summary and a manifest of hashes. What it is built from: pack-input.ts. Its parts: files
// (pack-files.ts), what is missing and why (pack-missing.ts), the email (pack-email.ts), the summary
// (pack-summary.ts), manifest and zip (pack-zip.ts). Never fails for missing evidence: it says so.
import { mailSubject } from './subject';
import { attachmentsOf, checkSender, emlFile, evidenceEmailBody, recipientOf } from './pack-email';
import { collectFiles } from './pack-files';
import { findMissing } from './pack-missing';
import { summaryHtml } from './pack-summary';
import { manifestEntries, zipPackFiles, zipTime } from './pack-zip';
import type { EvidenceEmail, EvidenceFailure, EvidencePack, EvidencePackInput, Manifest, MissingEvidence, PackFile, SenderCheck } from './pack-input';

export type * from './pack-input';
export { datedNames } from './pack-files';
export { escapeHtml } from './pack-summary';
export { checkSender, isUsableAddress } from './pack-email';
export { TEXT_LEVEL, zipPackFiles } from './pack-zip';

const encoder = new TextEncoder();

/** `{course}` replaced by the course names joined with `; ` (docs/contract.md); the one builder in subject.ts. */
export const evidenceSubject = mailSubject;

export interface PackFiles {
  files: PackFile[];
  email: EvidenceEmail;
  failures: EvidenceFailure[];
  missing: MissingEvidence[];
  sender: SenderCheck;
}

/**
 * All files of the pack in order, without zipping: the e-mail, the summary, the history, the CSV,
 * certificates and screenshots. (The manifest needs hashes, so it is made in `buildEvidencePack`.)
 * Throws a RangeError with words for the user when the recipient cannot be written (a department
 * address that is not an address, or catalogue and role-specific courses in one pack).
 */
export function collectPackFiles(input: EvidencePackInput): PackFiles {
  const to = recipientOf(input);
  const collected = collectFiles(input);
  const findings = findMissing(input, collected);
  const courseNames = input.courses.length ? input.courses.map((c) => c.name) : [...new Set(collected.certificates.map((c) => c.cert.course))];
  const subject = mailSubject(input.profile.subjectTemplate, courseNames);
  const sender = checkSender(input.person.email, input.profile.emailDomain);
  const attachments = attachmentsOf(collected.files, findings);
  const body = evidenceEmailBody(input, findings, attachments, collected.failures, sender);
  const eml = emlFile(to, subject, body, sender, input, attachments);
  const all = [eml, ...collected.files];
  const summary: PackFile = {
    path: 'summary.html',
    data: encoder.encode(summaryHtml(input, to, subject, findings, all, collected.failures, sender.from)),
    mediaType: 'text/html',
    source: 'generated',
    description: 'printable summary',
    compress: true,
  };
  return { files: [eml, summary, ...collected.files], email: { to, subject, body }, failures: collected.failures, missing: findings.missing, sender };
}

/** Builds `mandatory-training-evidence-YYYY-MM-DD.zip`. */
export async function buildEvidencePack(input: EvidencePackInput): Promise<EvidencePack> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.today)) throw new RangeError(`today must be YYYY-MM-DD: ${input.today}`);
  const { files, email, failures, missing, sender } = collectPackFiles(input);
  const manifest: Manifest = {
    format: 'mandatory-training-evidence/1',
    generatedOn: input.today,
    person: { name: input.person.name, email: input.person.email },
    mailbox: email.to,
    subject: email.subject,
    files: await manifestEntries(files),
    missing,
    failures,
  };
  const manifestFile = { path: 'manifest.json', data: encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`), compress: true };
  const zip = zipPackFiles([...files, manifestFile], zipTime(input.today));
  return { zip, fileName: `mandatory-training-evidence-${input.today}.zip`, manifest, email, missing, sender };
}
