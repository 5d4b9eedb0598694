// The evidence pack's files apart from the email, summary and manifest: the platform's history file,
// every record as CSV, certificates and screenshots, each checked by its bytes (utils/bytes.ts) and
// named short and ASCII. A file that is not what it claims becomes a failure, never a broken file.
import { MEDIA_TYPES, sniffKind } from '@/utils/bytes';
import { formatDate } from '@/utils/dates/calendar';
import { recordsCsv } from './csv';
import { asciiFileName, uniqueNames } from './names';
import type { EvidenceCertificate, EvidenceFailure, EvidencePackInput, EvidenceScreenshot, PackFile } from './pack-input';

const encoder = new TextEncoder();

export const dateText = (iso: string | null | undefined) => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(iso) : null);

function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

const NAME_MAX = 40;

/**
 * Unique short ASCII names `<label>-<YYYY-MM-DD>.<ext>`: the label is cut so the date and extension
 * always survive, with room left for a `-2` when two names collide.
 */
export function datedNames(items: { label: string; date: string | null; ext: string }[], max = NAME_MAX): string[] {
  const wanted = items.map(({ label, date, ext }) => {
    const suffix = `${date ? `-${date}` : ''}.${ext}`;
    const stem = asciiFileName(label, max - suffix.length - 3).replace(/\.[a-z0-9]+$/i, '');
    return `${stem}${suffix}`;
  });
  return uniqueNames(wanted, max);
}

export interface NamedCertificate {
  cert: EvidenceCertificate;
  name: string;
}

export interface CollectedFiles {
  /** In pack order: the history (when usable), the CSV, certificates, screenshots. */
  files: PackFile[];
  /** The input's failures and the files found unusable here. */
  failures: EvidenceFailure[];
  certificates: NamedCertificate[];
  screenshots: (EvidenceScreenshot & { name: string })[];
  /** The platform's history file, when usable. */
  history: PackFile | null;
  /** Why the history file given was not used (empty, a web page, not a spreadsheet). */
  historyProblem: string | null;
  /** Per course, why a certificate given for it was not used. */
  certificateProblems: Map<string, string>;
}

const HISTORY_WHAT = 'Training history spreadsheet';

function historyFile(input: EvidencePackInput): { file: PackFile } | { problem: string } | null {
  const history = input.history;
  if (!history) return null;
  const kind = sniffKind(history.bytes);
  if (kind === 'empty') return { problem: 'the download was empty' };
  if (kind === 'html') return { problem: 'the download was a web page (perhaps a sign-in page), not a spreadsheet' };
  // Our generated CSV owns `training-history.csv`; a CSV the platform gave keeps a name of its own.
  const csv = kind === 'other' && extensionOf(history.fileName) === 'csv';
  if (kind !== 'xlsx' && kind !== 'xls' && !csv) return { problem: 'the file is not an Excel or CSV spreadsheet' };
  const path = csv ? 'training-history-original.csv' : `training-history.${kind}`;
  return {
    file: {
      path,
      data: history.bytes,
      mediaType: csv ? MEDIA_TYPES.csv : kind === 'xls' ? MEDIA_TYPES.xls : MEDIA_TYPES.xlsx,
      source: history.sourceUrl || 'user file',
      description: history.sourceUrl ? 'training history downloaded from LearnUpon, unchanged' : 'training history spreadsheet, unchanged',
      compress: csv,
      attachAs: path,
    },
  };
}

export function collectFiles(input: EvidencePackInput): CollectedFiles {
  const failures = [...input.failures];
  const files: PackFile[] = [];

  const history = historyFile(input);
  let historyProblem: string | null = null;
  if (history && 'problem' in history) {
    historyProblem = history.problem;
    failures.push({ what: HISTORY_WHAT, reason: history.problem });
  } else if (history) files.push(history.file);

  // The BOM makes Excel read the file as UTF-8 rather than the ANSI code page.
  files.push({
    path: 'training-history.csv',
    data: encoder.encode(`\uFEFF${recordsCsv(input.records, input.renewalFor)}`),
    mediaType: MEDIA_TYPES.csv,
    source: 'generated',
    description: 'every training completion held by the extension, with the sources that showed it and its renewal date',
    compress: true,
  });

  const usable: { cert: EvidenceCertificate; ext: 'pdf' | 'png' | 'jpeg' }[] = [];
  const certificateProblems = new Map<string, string>();
  for (const cert of input.certificates) {
    const kind = sniffKind(cert.data);
    const what = `Certificate for ${cert.course}${cert.completedOn ? ` (completed ${dateText(cert.completedOn)})` : ''}`;
    if (kind === 'pdf' || kind === 'png' || kind === 'jpeg') {
      usable.push({ cert, ext: kind });
      continue;
    }
    const reason =
      kind === 'empty' ? 'the download was empty' : kind === 'html' ? 'the download was a web page (perhaps a sign-in page), not a certificate' : 'the file is not a PDF or image';
    failures.push({ what, reason });
    if (!certificateProblems.has(cert.course)) certificateProblems.set(cert.course, reason);
  }
  // Course and completion date say more than "certificate (3).pdf".
  const certNames = datedNames(usable.map((u) => ({ label: u.cert.course, date: u.cert.completedOn, ext: u.ext === 'jpeg' ? 'jpg' : u.ext })));
  const certificates = usable.map((u, i) => ({ cert: u.cert, name: certNames[i]! }));
  certificates.forEach(({ cert, name }, i) => {
    files.push({
      path: `certificates/${name}`,
      data: cert.data,
      mediaType: MEDIA_TYPES[usable[i]!.ext],
      source: cert.sourceUrl || 'user file',
      description: `certificate, ${cert.course}${cert.completedOn ? `, completed ${dateText(cert.completedOn)}` : ''}`,
      compress: false,
    });
  });

  // Captures are PNG; a picture the user added (a photo of a certificate) may be JPEG: both are kept.
  const shots = input.screenshots.flatMap((s) => {
    const kind = sniffKind(s.data);
    if (kind === 'png' || kind === 'jpeg') return [{ shot: s, kind }];
    failures.push({ what: `Screenshot “${s.title}”`, reason: 'the image was empty or not a PNG or JPEG picture' });
    return [];
  });
  const shotNames = datedNames(
    shots.map(({ shot, kind }) => ({ label: shot.title, date: /^\d{4}-\d{2}-\d{2}/.test(shot.capturedAt) ? shot.capturedAt.slice(0, 10) : null, ext: kind === 'jpeg' ? 'jpg' : 'png' })),
  );
  const screenshots = shots.map(({ shot }, i) => ({ ...shot, name: shotNames[i]! }));
  for (const [i, s] of screenshots.entries()) {
    files.push({
      path: `screenshots/${s.name}`,
      data: s.data,
      mediaType: MEDIA_TYPES[shots[i]!.kind],
      source: s.url || 'user file',
      description: `screenshot of “${s.title}”, taken ${s.capturedAt}`,
      compress: false,
    });
  }

  return { files, failures, certificates, screenshots, history: history && 'file' in history ? history.file : null, historyProblem, certificateProblems };
}
