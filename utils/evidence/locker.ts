// Puts collected and hand-added evidence into the store: history rows become records, files become
// locker items. Each step says what went wrong in plain words and keeps what is already held.
import type { Profile } from '@/utils/catalogue/profile';
import { createCourseMatcher } from '@/utils/catalogue/match';
import { MEDIA_TYPES, evidenceMediaType, fromBase64, sniffKind } from '@/utils/bytes';
import type { CollectResult } from '@/utils/data/messages';
import type { EvidenceItem } from '@/utils/store/db';
import { META_KEYS } from '@/utils/data/keys';
import { writeMeta } from '@/utils/store/meta';
import { addEvidence, listEvidence, removeEvidence, type NewEvidence } from '@/utils/store/evidence';
import { upsertRecords } from '@/utils/store/records';
import { parseHistoryOffThread } from './history-off-thread';
import { saveSeenAccount } from './sender';

export interface ImportOutcome {
  done: string[];
  problems: string[];
}

/** What a collection from a site gave, course by course (the completion-issue flow's steps). */
export interface CollectOutcome extends ImportOutcome {
  /** Catalogue courses whose certificate was not kept, and why (in words for the email). */
  certificateProblems: { course: string; reason: string }[];
  /** Catalogue courses with a certificate kept (new or already held). */
  certificatesFor: string[];
  /** Why the history file was not kept; null when it was, or was not asked for. */
  historyProblem: string | null;
  /** The name and email the page showed changed what is held. */
  personChanged: boolean;
}

const clip = (name: string) => name.slice(0, 60);

/**
 * What a training history file really is, by its bytes: the spreadsheet kinds LearnUpon gives (and CSV
 * text), else why not. The name says only which of the text kinds it is.
 */
export function historyFileType(bytes: Uint8Array, fileName: string): { contentType: string } | { error: string } {
  const kind = sniffKind(bytes);
  const name = clip(fileName);
  switch (kind) {
    case 'xlsx':
      return { contentType: MEDIA_TYPES.xlsx };
    case 'xls':
      return { contentType: MEDIA_TYPES.xls };
    case 'other':
      return /\.(csv|txt)$/i.test(fileName) ? { contentType: MEDIA_TYPES.csv } : { error: `“${name}” is not an Excel or CSV spreadsheet. Choose the file LearnUpon’s “Download training history” gave you.` };
    case 'empty':
      return { error: `“${name}” is empty (0 bytes). Download the training history again and choose the new file.` };
    case 'html':
      return { error: `“${name}” is a web page (perhaps a sign-in page), not a training history spreadsheet.` };
    default:
      return { error: `“${name}” is a ${kind === 'pdf' ? 'PDF' : 'picture'}, not a training history spreadsheet. Choose the .xlsx file from LearnUpon.` };
  }
}

/** Reads a training history file (off the page's main thread) and keeps both its rows (as records) and the original file. */
export async function importHistoryFile(bytes: Uint8Array, fileName: string, sourceUrl: string, profile: Profile): Promise<ImportOutcome> {
  const type = historyFileType(bytes, fileName);
  if ('error' in type) return { done: [], problems: [type.error] };
  const parsed = await parseHistoryOffThread(bytes, fileName, profile.dateOrder);
  if (!parsed.ok) return { done: [], problems: [parsed.error] };
  const match = createCourseMatcher(profile.courses);
  // The history module (and its spreadsheet reader) loads on first use, not on every open of a page.
  const { historyRowsToRecords } = await import('./history');
  const records = historyRowsToRecords(parsed.rows, {
    sourceUrl: sourceUrl || `file:${fileName}`,
    seenAt: new Date().toISOString(),
    matcher: (title) => match(title)?.name ?? null,
  });
  await upsertRecords(records);
  await replaceHistory({
    kind: 'history', course: null, completedOn: null, name: fileName.slice(0, 300), contentType: type.contentType, sourceUrl: sourceUrl.slice(0, 2000),
    countsForCompliance: true, data: new Blob([bytes as BlobPart], { type: type.contentType }),
  });
  return { done: [`Training history read: ${records.length} course record${records.length === 1 ? '' : 's'}.`, ...parsed.warnings], problems: [] };
}

/** Only the newest history file is kept: it is the platform's whole record each time. */
async function replaceHistory(item: NewEvidence): Promise<void> {
  const old = (await listEvidence()).filter((e) => e.kind === 'history');
  await addEvidence([item]);
  await removeEvidence(old.map((e) => e.id));
}

/** Stores what a content script collected. */
export async function importCollected(result: CollectResult, profile: Profile): Promise<CollectOutcome> {
  const outcome: CollectOutcome = { done: [], problems: [], certificateProblems: [], certificatesFor: [], historyProblem: null, personChanged: false };
  const match = createCourseMatcher(profile.courses);
  if (result.account.email || result.account.name) outcome.personChanged = await saveSeenAccount(result.account);
  if (result.history) {
    if ('error' in result.history) outcome.historyProblem = result.history.error;
    else {
      const h = await importHistoryFile(fromBase64(result.history.base64), result.history.fileName, result.history.url, profile);
      outcome.done.push(...h.done);
      outcome.historyProblem = h.problems[0] ?? null;
    }
    if (outcome.historyProblem) outcome.problems.push(`Training history: ${outcome.historyProblem}`);
  }
  const held = await listEvidence();
  const fresh: NewEvidence[] = [];
  for (const cert of result.certificates) {
    const course = match(cert.title)?.name ?? cert.title;
    if (!cert.file) {
      outcome.certificateProblems.push({ course, reason: cert.error ?? 'unknown problem' });
      continue;
    }
    const data = fromBase64(cert.file.base64);
    outcome.certificatesFor.push(course);
    if (held.some((e) => e.kind === 'certificate' && e.sourceUrl === cert.url && e.size === data.length)) continue;
    fresh.push({
      kind: 'certificate', course, completedOn: cert.completedOn, name: `${course} certificate.pdf`, contentType: 'application/pdf',
      sourceUrl: cert.url, countsForCompliance: true, data: new Blob([data as BlobPart], { type: 'application/pdf' }),
    });
  }
  if (fresh.length) await addEvidence(fresh);
  await writeMeta(META_KEYS.collectFailures, outcome.certificateProblems.map((p) => ({ what: `Certificate for ${p.course}`, reason: p.reason })));
  if (fresh.length) outcome.done.push(`${fresh.length} certificate${fresh.length === 1 ? '' : 's'} saved.`);
  else if (result.certificates.length && !outcome.certificateProblems.length) outcome.done.push('Certificates already saved.');
  outcome.problems.push(...outcome.certificateProblems.map((p) => `Certificate for ${p.course} not saved: ${p.reason}.`));
  return outcome;
}

export interface FileCheck {
  contentType: string;
  kind: EvidenceItem['kind'];
}

/** Hand-added files must really be PDFs or images; the name alone is not trusted. */
export function checkEvidenceFile(bytes: Uint8Array): FileCheck | { error: string } {
  if (bytes.length === 0) return { error: 'The file is empty (0 bytes).' };
  const kind = sniffKind(bytes);
  const contentType = evidenceMediaType(kind);
  if (contentType) return { contentType, kind: kind === 'pdf' ? 'certificate' : 'other' };
  return { error: 'Only PDF, PNG and JPEG files can be kept as evidence.' };
}
