// summary.html: a printable page of the pack: who, where the email goes, each course with what is
// attached and what is missing and why, every completion held (one row each, with every source that
// showed it), and the files. Every value from a web page is escaped; no script, no network.
import type { CompletionRecord, RecordSource } from '@/utils/records';
import { completionRows } from './completions';
import { dateText } from './pack-files';
import type { Findings } from './pack-missing';
import type { EvidenceFailure, EvidencePackInput, PackFile } from './pack-input';

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

const SOURCE_WORDS: Record<RecordSource, string> = {
  learnupon: 'LearnUpon',
  cybsafe: 'CybSafe',
  'training-history': 'LearnUpon training history',
  manual: 'entered by you',
  external: 'external record',
};

const PIECE_WORDS = { 'completion-record': 'completion record', certificate: 'certificate', 'training-history': 'training history' } as const;

export function summaryHtml(
  input: EvidencePackInput,
  to: string,
  subject: string,
  findings: Findings,
  files: PackFile[],
  failures: EvidenceFailure[],
  /** The sender's address as the email carries it (pack-email.ts, checkSender); null when it has none. */
  from: string | null,
): string {
  const title = `Mandatory training evidence — ${input.person.name || input.person.email || 'staff member'} — ${dateText(input.today) ?? input.today}`;
  const courseRows = findings.courses.map(({ course, certificates, missing }) => [
    course.name,
    dateText(course.completedOn) ?? 'not recorded',
    course.roleSpecific ? 'role-specific course' : (dateText(course.due) ?? 'none recorded'),
    certificates.map((x) => x.name).join(', ') || `none attached: ${missing.find((m) => m.evidence === 'certificate')?.reason ?? ''}`,
  ]);
  const recordRows = completionRows(input.records, input.renewalFor).map((r) => [
    r.course,
    STATUS_WORDS[r.status],
    dateText(r.completedOn) ?? '—',
    dateText(r.renewalDue) ?? '—',
    r.sources.map((s) => SOURCE_WORDS[s]).join(', ') + (r.countsForCompliance ? '' : ' (does not count)'),
  ]);
  const fileRows = files.map((f) => [f.path, formatSize(f.data.length), f.description]);
  const notIncluded = [
    ...findings.missing.map((m) => `${m.course} — ${PIECE_WORDS[m.evidence]}: ${m.reason}`),
    ...failures.filter((f) => !findings.said.has(f)).map((f) => `${f.what}: ${f.reason}`),
  ];
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
    `<dt>Email</dt><dd>${escapeHtml(from ?? 'not known')}</dd>`,
    `<dt>Organisation</dt><dd>${escapeHtml(input.profile.organisation)}</dd>`,
    `<dt>Prepared on</dt><dd>${escapeHtml(dateText(input.today) ?? input.today)}</dd>`,
    `<dt>To</dt><dd>${escapeHtml(input.to?.name ? `${input.to.name} (${to})` : to)}</dd>`,
    `<dt>Subject</dt><dd>${escapeHtml(subject)}</dd>`,
    '</dl>',
    courseRows.length
      ? table('Courses in this request', ['Course', 'Completed', 'Renewal due', 'Certificate'], courseRows)
      : '<h2>Courses in this request</h2>\n<p>No course was selected.</p>',
  ];
  if (notIncluded.length) parts.push('<h2>Not included, and why</h2>', '<ul>', ...notIncluded.map((line) => `<li>${escapeHtml(line)}</li>`), '</ul>');
  parts.push(
    recordRows.length
      ? table('All training completions held by the extension', ['Course', 'Status', 'Completed', 'Renewal due', 'Shown by'], recordRows)
      : '<h2>All training completions held by the extension</h2>\n<p>No training records are held.</p>',
    table('Files in this pack', ['File', 'Size', 'What it is'], fileRows),
    '<p class="note">manifest.json lists the SHA-256 hash and origin of every file. Dates are calendar dates in the UK (Europe/London).</p>',
    '</main>',
    '</body>',
    '</html>',
    '',
  );
  return parts.join('\n');
}
