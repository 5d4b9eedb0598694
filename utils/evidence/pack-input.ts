// What the evidence pack is built from and what it gives back (docs/contract.md, "Evidence pack" and
// "Completion-issue flow"). The flow that collects the evidence fills an EvidencePackInput; the
// builder (pack.ts) checks every file, works out per course what is missing and why, and writes the
// email, summary and manifest so that each says exactly what is attached and what is not.
//
// Filling it, for the page that runs the flow:
// - `courses`: the courses the email is about, each with its completion date (and, if known, where the
//   date came from in words: `completedFrom`) and its renewal date. Give `missing` for each piece the
//   collector tried and could not get, with the reason in words ("LearnUpon shows no certificate for
//   this course", "the download failed (HTTP 404)"). The builder adds what the files show on their own:
//   no completion date, no usable certificate, no usable training history, each with a reason.
// - `platform`: where the course is done. The LearnUpon training history is evidence only for LearnUpon
//   courses, so `training-history` is listed as missing only for those.
// - `roleSpecific` courses (outside the catalogue) go to the department responsible (the FAQ): give
//   `to` with the department's address. A pack goes to one recipient, so it holds either catalogue
//   courses (to the training mailbox) or role-specific ones (to `to`), not both.
// - `history` is the platform's own file, unchanged; `historyMissing` says why there is none.
// - `certificates` and `screenshots` are the locker's files; a screenshot may name its `course`.
// - `failures` are other things that could not be collected; those about a course in the email are
//   said beside that course rather than twice.
// - `profile.emailDomain` lets the builder warn when the sender's address is not a work address.
import type { Profile } from '@/utils/catalogue/profile';
import type { CompletionRecord } from '@/utils/records';

/** The pieces of evidence a course can lack (docs/contract.md, "Completion-issue flow"). */
export type EvidencePiece = 'certificate' | 'training-history' | 'completion-record';

/** A piece the collector could not get for a course, and why, in words for the email. */
export interface MissingPiece {
  evidence: EvidencePiece;
  reason: string;
}

/** One entry of `manifest.json`'s `missing` list. */
export interface MissingEvidence extends MissingPiece {
  course: string;
}

export interface EvidenceCourse {
  /** Catalogue name, or the role-specific course's own name. */
  name: string;
  completedOn: string | null;
  /** Where the completion date came from, in words ("date shown by LearnUpon"). */
  completedFrom?: string;
  /** Renewal due date, `YYYY-MM-DD`; null for a one-off course or when unknown. */
  due: string | null;
  /** `fileName`s of this course's entries in `certificates` (matched by course name too). */
  certificateFiles: string[];
  /** Where the course is done; `learnupon` when not given. */
  platform?: 'learnupon' | 'cybsafe' | 'other';
  /** Outside the catalogue: the evidence goes to the department in `EvidencePackInput.to`. */
  roleSpecific?: boolean;
  /** What the collector could not get for this course, and why. */
  missing?: MissingPiece[];
}

export interface EvidenceCertificate {
  course: string;
  completedOn: string | null;
  fileName: string;
  data: Uint8Array;
  /** Where it was downloaded from; empty for a file the user added. */
  sourceUrl: string;
}

export interface EvidenceScreenshot {
  title: string;
  url: string;
  capturedAt: string;
  data: Uint8Array;
  /** The course it shows, when the user said. */
  course?: string;
}

export interface EvidenceFailure {
  what: string;
  reason: string;
}

/** Where the email goes when it is not the training mailbox. */
export interface EvidenceRecipient {
  address: string;
  /** Who that is, in words ("the Department of Chemistry's training lead"), for the review. */
  name?: string;
}

export interface EvidencePackInput {
  profile: Pick<Profile, 'organisation' | 'mailbox' | 'subjectTemplate'> & Partial<Pick<Profile, 'emailDomain'>>;
  person: { name: string; email: string };
  /** The department's address for role-specific courses; the profile's mailbox otherwise. */
  to?: EvidenceRecipient;
  /** Europe/London date, `YYYY-MM-DD`. */
  today: string;
  /** The courses the completion issue is about. */
  courses: EvidenceCourse[];
  /** Every record the extension holds (for the CSV and summary). */
  records: readonly CompletionRecord[];
  renewalFor: (record: CompletionRecord) => string | null;
  history?: { bytes: Uint8Array; fileName: string; sourceUrl: string };
  /** Why there is no history file, when the collector knows. */
  historyMissing?: string;
  certificates: EvidenceCertificate[];
  screenshots: EvidenceScreenshot[];
  failures: EvidenceFailure[];
}

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
  mediaType: string;
  /** A URL, `generated`, or `user file`. */
  source: string;
  description: string;
}

export interface Manifest {
  format: 'mandatory-training-evidence/1';
  generatedOn: string;
  person: { name: string; email: string };
  /** Where the email goes: the training mailbox, or the department for role-specific courses. */
  mailbox: string;
  subject: string;
  files: ManifestEntry[];
  /** For each course in the email, each piece of evidence not included, and why. */
  missing: MissingEvidence[];
  /** Everything that could not be collected or used, as found. */
  failures: EvidenceFailure[];
}

export interface EvidenceEmail {
  to: string;
  subject: string;
  body: string;
}

/** What the builder made of the sender's address, for the review step. */
export interface SenderCheck {
  /** The address the From header carries, or null when the draft has none. */
  from: string | null;
  /** Why there is no From header, in words; null when there is one. */
  problem: string | null;
  /** A From address outside the organisation's domain: HR match evidence to the work address. */
  warning: string | null;
}

export interface EvidencePack {
  zip: Uint8Array;
  fileName: string;
  manifest: Manifest;
  /** For the Outlook / mailto fallbacks (links.ts). */
  email: EvidenceEmail;
  /** The same as `manifest.missing`, for the review step. */
  missing: MissingEvidence[];
  sender: SenderCheck;
}

/** A file ready to be zipped; exported with `collectPackFiles` / `zipPackFiles` for the benchmark. */
export interface PackFile {
  path: string;
  data: Uint8Array;
  mediaType: string;
  source: string;
  description: string;
  /** Already-compressed formats are stored; deflating them again costs time and saves nothing. */
  compress: boolean;
  /** Attached to the e-mail under this name. */
  attachAs?: string;
}
