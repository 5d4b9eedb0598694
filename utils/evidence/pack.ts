// The one-click evidence pack (docs/contract.md, "Evidence pack"): a zip holding a draft e-mail to the
// training mailbox with the certificates and training history attached, the history itself, every
// record as CSV, the certificates and screenshots, a printable summary and a manifest of hashes.
// Anything that could not be collected is listed as a failure, never left as a broken file.
import { zipSync, type ZipOptions } from 'fflate';
import type { Profile } from '@/utils/catalogue/profile';
import { formatDate } from '@/utils/dates/calendar';
import type { CompletionRecord } from '@/utils/records';
import { recordsCsv } from './csv';
import { buildEmlBytes, isPlainAddress } from './eml';
import { asciiFileName, uniqueNames } from './names';
import { MEDIA_TYPES, sha256Hex, sniffKind } from '@/utils/bytes';

export interface EvidenceCourse {
  /** Catalogue name. */
  name: string;
  completedOn: string | null;
  /** Renewal due date, `YYYY-MM-DD`; null for a one-off course or when unknown. */
  due: string | null;
  /** `fileName`s of this course's entries in `certificates` (matched by course name too). */
  certificateFiles: string[];
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
}

export interface EvidenceFailure {
  what: string;
  reason: string;
}

export interface EvidencePackInput {
  profile: Pick<Profile, 'organisation' | 'mailbox' | 'subjectTemplate'>;
  person: { name: string; email: string };
  /** Europe/London date, `YYYY-MM-DD`. */
  today: string;
  /** The courses the completion issue is about. */
  courses: EvidenceCourse[];
  /** Every record the extension holds (for the CSV and summary). */
  records: readonly CompletionRecord[];
  renewalFor: (record: CompletionRecord) => string | null;
  history?: { bytes: Uint8Array; fileName: string; sourceUrl: string };
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
  mailbox: string;
  subject: string;
  files: ManifestEntry[];
  failures: EvidenceFailure[];
}

export interface EvidenceEmail {
  to: string;
  subject: string;
  body: string;
}

export interface EvidencePack {
  zip: Uint8Array;
  fileName: string;
  manifest: Manifest;
  /** For the Outlook / mailto fallbacks (links.ts). */
  email: EvidenceEmail;
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

const encoder = new TextEncoder();

const MEDIA = { ...MEDIA_TYPES, bin: 'application/octet-stream' } as const;

function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** `{course}` replaced by the course names joined with `; ` (docs/contract.md). */
export function evidenceSubject(template: string, courseNames: string[]): string {
  const names = courseNames.length ? courseNames.join('; ') : 'course name';
  return template.split('{course}').join(names);
}

const dateText = (iso: string | null | undefined) => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(iso) : null);

/**
 * A certificate belongs to the course of the same name; the file name links it only when its course
 * is none of the courses in the issue (file names such as "certificate.pdf" are often shared).
 */
function certificatesFor(course: EvidenceCourse, certificates: { cert: EvidenceCertificate; name: string }[], courses: EvidenceCourse[]) {
  return certificates.filter(
    (c) =>
      c.cert.course === course.name ||
      (course.certificateFiles.includes(c.cert.fileName) && !courses.some((other) => other.name === c.cert.course)),
  );
}

/** The courteous plain-text body: who, which courses with dates and certificates, what is attached, what is missing. */
export function evidenceEmailBody(
  input: EvidencePackInput,
  certificates: { cert: EvidenceCertificate; name: string }[],
  attachments: { name: string; description: string }[],
  failures: EvidenceFailure[],
): string {
  const lines: string[] = [];
  const plural = input.courses.length === 1 ? 'course' : 'courses';
  lines.push('Dear Mandatory Training team,', '');
  lines.push(
    `I have been asked to complete the mandatory training ${plural} below, but I have already completed ${input.courses.length === 1 ? 'it' : 'them'}. ` +
      'Please could you check my learning record and correct it?',
    '',
  );
  lines.push(`Name: ${input.person.name || '(not known)'}`);
  lines.push(`Email: ${input.person.email || '(not known)'}`, '');
  for (const course of input.courses) {
    lines.push(`Course: ${course.name}`);
    lines.push(`  Completed: ${dateText(course.completedOn) ?? 'date not recorded'}`);
    const certs = certificatesFor(course, certificates, input.courses);
    lines.push(`  Certificate: ${certs.length ? certs.map((c) => c.name).join(', ') : 'none attached'}`);
    lines.push(`  Renewal due: ${dateText(course.due) ?? 'no renewal date recorded'}`);
    lines.push('');
  }
  if (attachments.length) {
    lines.push('The attached files are evidence of my completion:');
    for (const a of attachments) lines.push(`- ${a.name} (${a.description})`);
    lines.push('');
  }
  if (failures.length) {
    lines.push('I could not include:');
    for (const f of failures) lines.push(`- ${f.what}: ${f.reason}`);
    lines.push('');
  }
  lines.push('Kind regards,', input.person.name || '');
  return lines.join('\n').trimEnd() + '\n';
}

// ---------- summary.html ----------

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every value placed in summary.html goes through this: titles and URLs come from web pages. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function table(caption: string, headers: string[], rows: string[][]): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`)
    .join('\n');
  // The heading sits in the caption: one name for the table, and still reachable by heading navigation.
  return `<table>\n<caption><h2>${escapeHtml(caption)}</h2></caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

const STATUS_WORDS: Record<CompletionRecord['status'], string> = {
  completed: 'Completed',
  passed: 'Passed',
  'in-progress': 'In progress',
  'not-started': 'Not started',
  failed: 'Failed',
  'pending-review': 'Pending review',
  unknown: 'Unknown',
};

export function summaryHtml(
  input: EvidencePackInput,
  subject: string,
  certificates: { cert: EvidenceCertificate; name: string }[],
  files: PackFile[],
  failures: EvidenceFailure[],
): string {
  const title = `Mandatory training evidence — ${input.person.name || input.person.email || 'staff member'} — ${dateText(input.today) ?? input.today}`;
  const courseRows = input.courses.map((c) => [
    c.name,
    dateText(c.completedOn) ?? 'not recorded',
    dateText(c.due) ?? 'none recorded',
    certificatesFor(c, certificates, input.courses).map((x) => x.name).join(', ') || 'none',
  ]);
  const records = [...input.records].sort(
    (a, b) => a.course.localeCompare(b.course, 'en') || (b.completedOn ?? '').localeCompare(a.completedOn ?? ''),
  );
  const recordRows = records.map((r) => [
    r.course,
    STATUS_WORDS[r.status],
    dateText(r.completedOn) ?? '—',
    dateText(input.renewalFor(r)) ?? '—',
    r.source + (r.countsForCompliance ? '' : ' (does not count)'),
  ]);
  const fileRows = files.map((f) => [f.path, formatSize(f.data.length), f.description]);
  const parts = [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    // Opened from disk: no scripts, no network, only our inline styles.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>',
    'body{font:11pt/1.4 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#1a1a1a;background:#fff;max-width:60rem;margin:1.5rem auto;padding:0 1rem}',
    'h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1.1rem;margin:1.2rem 0 .4rem}',
    'dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}',
    'table{border-collapse:collapse;width:100%;margin:.4rem 0;font-size:.95em}caption{text-align:left;padding:.2rem 0}caption h2{margin:.8rem 0 .2rem}',
    'th,td{border:1px solid #767676;padding:.25rem .4rem;text-align:left;vertical-align:top}thead th{background:#e8e8e8}',
    'tbody th{font-weight:normal}td,th{overflow-wrap:anywhere}',
    '.note{color:#444;font-size:.9em}',
    '@media print{body{margin:0;max-width:none;font-size:9pt}h2{break-after:avoid}tr{break-inside:avoid}a{color:inherit}}',
    '@page{size:A4;margin:12mm}',
    '</style>',
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    '<dl>',
    `<dt>Name</dt><dd>${escapeHtml(input.person.name || 'not known')}</dd>`,
    `<dt>Email</dt><dd>${escapeHtml(input.person.email || 'not known')}</dd>`,
    `<dt>Organisation</dt><dd>${escapeHtml(input.profile.organisation)}</dd>`,
    `<dt>Prepared on</dt><dd>${escapeHtml(dateText(input.today) ?? input.today)}</dd>`,
    `<dt>To</dt><dd>${escapeHtml(input.profile.mailbox)}</dd>`,
    `<dt>Subject</dt><dd>${escapeHtml(subject)}</dd>`,
    '</dl>',
    courseRows.length
      ? table('Courses in this request', ['Course', 'Completed', 'Renewal due', 'Certificate'], courseRows)
      : '<h2>Courses in this request</h2>\n<p>No course was selected.</p>',
    recordRows.length
      ? table('All training records held by the extension', ['Course', 'Status', 'Completed', 'Renewal due', 'Source'], recordRows)
      : '<h2>All training records held by the extension</h2>\n<p>No training records are held.</p>',
  ];
  if (failures.length) {
    parts.push('<h2>Not included</h2>', '<ul>', ...failures.map((f) => `<li>${escapeHtml(f.what)}: ${escapeHtml(f.reason)}</li>`), '</ul>');
  }
  parts.push(
    table('Files in this pack', ['File', 'Size', 'What it is'], fileRows),
    '<p class="note">manifest.json lists the SHA-256 hash and origin of every file. Dates are calendar dates in the UK (Europe/London).</p>',
    '</main>',
    '</body>',
    '</html>',
    '',
  );
  return parts.join('\n');
}

// ---------- assembling ----------

function historyPath(history: NonNullable<EvidencePackInput['history']>): { path: string; kind: 'xlsx' | 'xls' | 'csv' } | null {
  const kind = sniffKind(history.bytes);
  if (kind === 'xlsx' || kind === 'xls') return { path: `training-history.${kind}`, kind };
  // Our generated CSV owns `training-history.csv`; a CSV the platform gave keeps a name of its own.
  if (kind === 'other' && extensionOf(history.fileName) === 'csv') return { path: 'training-history-original.csv', kind: 'csv' };
  return null;
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

/** Everything but the e-mail, summary and manifest, plus the failures found on the way. */
function collect(input: EvidencePackInput): {
  files: PackFile[];
  failures: EvidenceFailure[];
  certificates: { cert: EvidenceCertificate; name: string }[];
} {
  const failures = [...input.failures];
  const files: PackFile[] = [];

  if (input.history) {
    const h = historyPath(input.history);
    const kind = sniffKind(input.history.bytes);
    if (kind === 'empty') {
      failures.push({ what: 'Training history spreadsheet', reason: 'the download was empty' });
    } else if (kind === 'html') {
      failures.push({ what: 'Training history spreadsheet', reason: 'the download was a web page (perhaps a sign-in page), not a spreadsheet' });
    } else if (!h) {
      failures.push({ what: 'Training history spreadsheet', reason: 'the file is not an Excel or CSV spreadsheet' });
    } else {
      files.push({
        path: h.path,
        data: input.history.bytes,
        mediaType: h.kind === 'csv' ? MEDIA.csv : h.kind === 'xls' ? MEDIA.xls : MEDIA.xlsx,
        source: input.history.sourceUrl || 'user file',
        description: input.history.sourceUrl ? 'training history downloaded from LearnUpon, unchanged' : 'training history spreadsheet, unchanged',
        compress: h.kind === 'csv',
        attachAs: h.path,
      });
    }
  }

  const csv = recordsCsv(input.records, input.renewalFor);
  // The BOM makes Excel read the file as UTF-8 rather than the ANSI code page.
  files.push({
    path: 'training-history.csv',
    data: encoder.encode(`\uFEFF${csv}`),
    mediaType: MEDIA.csv,
    source: 'generated',
    description: 'every training record held by the extension, with its source and renewal date',
    compress: true,
  });

  const usable: { cert: EvidenceCertificate; ext: 'pdf' | 'png' | 'jpeg' }[] = [];
  for (const cert of input.certificates) {
    const kind = sniffKind(cert.data);
    const what = `Certificate for ${cert.course}${cert.completedOn ? ` (completed ${dateText(cert.completedOn)})` : ''}`;
    if (kind === 'empty') failures.push({ what, reason: 'the download was empty' });
    else if (kind === 'html') failures.push({ what, reason: 'the download was a web page (perhaps a sign-in page), not a certificate' });
    else if (kind === 'pdf' || kind === 'png' || kind === 'jpeg') usable.push({ cert, ext: kind });
    else failures.push({ what, reason: 'the file is not a PDF or image' });
  }
  // Course and completion date say more than "certificate (3).pdf".
  const certNames = datedNames(usable.map((u) => ({ label: u.cert.course, date: u.cert.completedOn, ext: u.ext === 'jpeg' ? 'jpg' : u.ext })));
  const certificates = usable.map((u, i) => ({ cert: u.cert, name: certNames[i]! }));
  certificates.forEach(({ cert, name }, i) => {
    files.push({
      path: `certificates/${name}`,
      data: cert.data,
      mediaType: MEDIA[usable[i]!.ext],
      source: cert.sourceUrl || 'user file',
      description: `certificate, ${cert.course}${cert.completedOn ? `, completed ${dateText(cert.completedOn)}` : ''}`,
      compress: false,
    });
  });

  const shots = input.screenshots.filter((s) => {
    if (sniffKind(s.data) === 'png') return true;
    failures.push({ what: `Screenshot “${s.title}”`, reason: 'the image was empty or not a PNG' });
    return false;
  });
  const shotNames = datedNames(
    shots.map((s) => ({ label: s.title, date: /^\d{4}-\d{2}-\d{2}/.test(s.capturedAt) ? s.capturedAt.slice(0, 10) : null, ext: 'png' })),
  );
  shots.forEach((s, i) => {
    files.push({
      path: `screenshots/${shotNames[i]}`,
      data: s.data,
      mediaType: MEDIA.png,
      source: s.url || 'user file',
      description: `screenshot of “${s.title}”, taken ${s.capturedAt}`,
      compress: false,
    });
  });

  return { files, failures, certificates };
}

/**
 * All files of the pack in order, without zipping: the e-mail, the history, the CSV, certificates,
 * screenshots and the summary. (The manifest needs hashes, so it is made in `buildEvidencePack`.)
 */
export function collectPackFiles(input: EvidencePackInput): { files: PackFile[]; email: EvidenceEmail; failures: EvidenceFailure[] } {
  const { files, failures, certificates } = collect(input);
  const courseNames = input.courses.length
    ? input.courses.map((c) => c.name)
    : [...new Set(certificates.map((c) => c.cert.course))];
  const subject = evidenceSubject(input.profile.subjectTemplate, courseNames);

  const attached = files.filter((f) => f.path.startsWith('certificates/') || f.attachAs);
  // Without the platform's spreadsheet, our CSV stands in as the training history.
  if (!files.some((f) => f.attachAs)) {
    const csv = files.find((f) => f.path === 'training-history.csv');
    if (csv) attached.push(csv);
  }
  const attachments = attached.map((f) => ({
    name: f.attachAs ?? f.path.split('/').pop()!,
    description: f.description,
    file: f,
  }));
  const body = evidenceEmailBody(input, certificates, attachments, failures);
  const from = isPlainAddress(input.person.email) ? { name: input.person.name, address: input.person.email } : undefined;
  const eml = buildEmlBytes({
    ...(from ? { from } : {}),
    to: input.profile.mailbox,
    subject,
    text: body,
    attachments: attachments.map((a) => ({ filename: a.name, contentType: a.file.mediaType, data: a.file.data })),
  });

  const emlFile: PackFile = {
    path: 'completion-issue.eml',
    data: eml,
    mediaType: 'message/rfc822',
    source: 'generated',
    description: `draft e-mail to ${input.profile.mailbox} with the certificates and training history attached`,
    // Mostly base64 of PDFs: deflate saves ~7% of the pack for ~0.5 s of blocking per 3 MB (measured).
    compress: false,
  };
  const all = [emlFile, ...files];
  const summary: PackFile = {
    path: 'summary.html',
    data: encoder.encode(summaryHtml(input, subject, certificates, all, failures)),
    mediaType: 'text/html',
    source: 'generated',
    description: 'printable summary',
    compress: true,
  };
  return { files: [emlFile, summary, ...files], email: { to: input.profile.mailbox, subject, body }, failures };
}

/** Deflate level for the generated text (CSV, HTML, JSON): ~80 KB in 2–6 ms, 15–25% smaller than level 1. */
export const TEXT_LEVEL = 6;

/**
 * Zips synchronously. fflate's async `zip` starts Workers from blob: URLs, which the MV3 extension
 * page CSP (`script-src 'self'`) forbids, and the big inputs (PDF, PNG, xlsx) are stored, not
 * deflated, so the work is a CRC and a copy: milliseconds even for tens of MB.
 */
export function zipPackFiles(files: { path: string; data: Uint8Array; compress: boolean }[], mtime: Date): Uint8Array {
  const entries: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const f of files) entries[f.path] = [f.data, { level: f.compress ? TEXT_LEVEL : 0, mtime }];
  return zipSync(entries);
}

/** Builds `mandatory-training-evidence-YYYY-MM-DD.zip`. Never fails for missing evidence: it lists it. */
export async function buildEvidencePack(input: EvidencePackInput): Promise<EvidencePack> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.today)) throw new RangeError(`today must be YYYY-MM-DD: ${input.today}`);
  const { files, email, failures } = collectPackFiles(input);
  // All digests at once: WebCrypto hashes off the calling thread, so they overlap rather than queue.
  const hashes = await Promise.all(files.map((f) => sha256Hex(f.data)));
  const entries: ManifestEntry[] = files.map((f, i) => ({
    path: f.path,
    size: f.data.length,
    sha256: hashes[i]!,
    mediaType: f.mediaType,
    source: f.source,
    description: f.description,
  }));
  const manifest: Manifest = {
    format: 'mandatory-training-evidence/1',
    generatedOn: input.today,
    person: { name: input.person.name, email: input.person.email },
    mailbox: input.profile.mailbox,
    subject: email.subject,
    files: entries,
    failures,
  };
  const manifestFile = {
    path: 'manifest.json',
    data: encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`),
    compress: true,
  };
  // Local noon of "today": zip times are local wall-clock times, and noon shows the right date anywhere.
  const [y, m, d] = input.today.split('-').map(Number) as [number, number, number];
  const mtime = new Date(y, m - 1, d, 12);
  const zip = zipPackFiles([...files, manifestFile], mtime);
  return { zip, fileName: `mandatory-training-evidence-${input.today}.zip`, manifest, email };
}
