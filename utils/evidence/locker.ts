// Puts collected and hand-added evidence into the store: history rows become records, files become
// locker items. Each step says what went wrong in plain words and keeps what is already held.
import type { Profile } from '@/utils/catalogue/profile';
import { createCourseMatcher } from '@/utils/catalogue/match';
import { evidenceMediaType, fromBase64, sniffKind } from '@/utils/bytes';
import type { CollectResult } from '@/utils/data/messages';
import type { EvidenceItem } from '@/utils/store/db';
import { META_KEYS } from '@/utils/data/keys';
import { writeMeta } from '@/utils/store/meta';
import { addEvidence, listEvidence, removeEvidence, type NewEvidence } from '@/utils/store/evidence';
import { upsertRecords } from '@/utils/store/records';

export interface ImportOutcome {
  done: string[];
  problems: string[];
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads a training history file and keeps both its rows (as records) and the original file. */
export async function importHistoryFile(bytes: Uint8Array, fileName: string, sourceUrl: string, profile: Profile): Promise<ImportOutcome> {
  // The spreadsheet reader is most of the side panel's code: loaded on first use, not on every open.
  const { historyRowsToRecords, parseTrainingHistory } = await import('./history');
  const parsed = parseTrainingHistory(bytes, fileName, profile.dateOrder);
  if (!parsed.ok) return { done: [], problems: [parsed.error] };
  const match = createCourseMatcher(profile.courses);
  const records = historyRowsToRecords(parsed.rows, {
    sourceUrl: sourceUrl || `file:${fileName}`,
    seenAt: new Date().toISOString(),
    matcher: (title) => match(title)?.name ?? null,
  });
  await upsertRecords(records);
  const type = /\.csv$/i.test(fileName) ? 'text/csv' : /\.xls$/i.test(fileName) ? 'application/vnd.ms-excel' : XLSX_TYPE;
  await replaceHistory({ kind: 'history', course: null, completedOn: null, name: fileName, contentType: type, sourceUrl, countsForCompliance: true, data: new Blob([bytes as BlobPart], { type }) });
  return { done: [`Training history read: ${records.length} course record${records.length === 1 ? '' : 's'}.`, ...parsed.warnings], problems: [] };
}

/** Only the newest history file is kept: it is the platform's whole record each time. */
async function replaceHistory(item: NewEvidence): Promise<void> {
  const old = (await listEvidence()).filter((e) => e.kind === 'history');
  await addEvidence([item]);
  await removeEvidence(old.map((e) => e.id));
}

/** Stores what a content script collected. */
export async function importCollected(result: CollectResult, profile: Profile): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { done: [], problems: [] };
  const match = createCourseMatcher(profile.courses);
  if (result.account.email || result.account.name) {
    await writeMeta(META_KEYS.person, result.account);
  }
  if (result.history) {
    if ('error' in result.history) outcome.problems.push(`Training history: ${result.history.error}`);
    else {
      const h = await importHistoryFile(fromBase64(result.history.base64), result.history.fileName, result.history.url, profile);
      outcome.done.push(...h.done);
      outcome.problems.push(...h.problems.map((p) => `Training history: ${p}`));
    }
  }
  const held = await listEvidence();
  const failures: { what: string; reason: string }[] = [];
  const fresh: NewEvidence[] = [];
  for (const cert of result.certificates) {
    const course = match(cert.title)?.name ?? cert.title;
    if (!cert.file) {
      failures.push({ what: `Certificate for ${course}`, reason: cert.error ?? 'unknown problem' });
      continue;
    }
    const data = fromBase64(cert.file.base64);
    if (held.some((e) => e.kind === 'certificate' && e.sourceUrl === cert.url && e.size === data.length)) continue;
    fresh.push({
      kind: 'certificate', course, completedOn: cert.completedOn, name: `${course} certificate.pdf`, contentType: 'application/pdf',
      sourceUrl: cert.url, countsForCompliance: true, data: new Blob([data as BlobPart], { type: 'application/pdf' }),
    });
  }
  if (fresh.length) await addEvidence(fresh);
  await writeMeta(META_KEYS.collectFailures, failures);
  if (fresh.length) outcome.done.push(`${fresh.length} certificate${fresh.length === 1 ? '' : 's'} saved.`);
  else if (result.certificates.length && !failures.length) outcome.done.push('Certificates already saved.');
  outcome.problems.push(...failures.map((f) => `${f.what} not saved: ${f.reason}.`));
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
