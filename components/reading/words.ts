// "What I read on this page" in plain words: each entry the reader read, as the sentences the side panel
// shows. Pure: the entry as the content script sent it (utils/data/messages.ts `ReadEntrySchema`).
import type { ReadEntryAnswer } from '@/utils/data/messages';
import { formatDate } from '@/utils/dates/calendar';
import type { EnrollmentStatus } from '@/utils/records';

const STATUS: Record<EnrollmentStatus, string> = {
  completed: 'completed',
  passed: 'passed',
  'in-progress': 'in progress',
  'not-started': 'not started',
  failed: 'failed',
  'pending-review': 'waiting for review',
  unknown: 'no status',
};

const KIND = { completed: 'completed on', due: 'due by', 'cert-expires': 'certificate expires on' } as const;
type UsedKind = keyof typeof KIND;
const USED_FIELD = { completed: 'completedOn', due: 'dueOn', 'cert-expires': 'certExpiresOn' } as const satisfies Record<UsedKind, keyof ReadEntryAnswer['used']>;

/** The name the entry goes by in the panel: its catalogue course, else the title as the page shows it. */
export function entryName(entry: ReadEntryAnswer): string {
  return entry.course ?? entry.titleShown;
}

/** "Shown as … → …": how the page's title was matched to the catalogue. */
export function titleLine(entry: ReadEntryAnswer): string {
  return entry.course ? `Shown as “${entry.titleShown}” → the catalogue’s “${entry.course}”` : `Shown as “${entry.titleShown}”: not a course in your catalogue`;
}

export function statusLine(entry: ReadEntryAnswer): string {
  const as = STATUS[entry.status];
  if (entry.statusShown) return `Status shown: “${entry.statusShown}” → ${as}`;
  if (entry.statusFromDate) return 'No status shown: its completion date means it is completed';
  if (entry.status === 'unknown') return 'No status shown';
  // CybSafe's one course: its status comes from its progress and completion date, not a status word.
  return `No status word: read as ${as} from its progress and completion date`;
}

/** Each date with the words it was read by, and whether it is the one used (the first of its kind). */
export function dateLines(entry: ReadEntryAnswer): string[] {
  const seen = new Set<string>();
  const lines = entry.dates.map((d) => {
    const shown = d.label ? `“${d.label}” ${d.text}` : `“${d.text}”`;
    if (d.kind === 'other') return `${shown} → another kind of date (not used)`;
    const first = !seen.has(d.kind);
    seen.add(d.kind);
    return `${shown} → ${KIND[d.kind]} ${formatDate(d.iso)}${first ? '' : ' (not used: the first one is)'}`;
  });
  // A reader that lists no labelled dates (CybSafe's) still says which dates it took.
  for (const kind of Object.keys(KIND) as UsedKind[]) {
    const iso = entry.used[USED_FIELD[kind]];
    if (iso && !seen.has(kind)) lines.push(`${KIND[kind][0]!.toUpperCase()}${KIND[kind].slice(1)} ${formatDate(iso)}, read from the page’s text`);
  }
  return lines;
}

export function foundByLine(entry: ReadEntryAnswer): string {
  if (entry.foundBy === 'enrollment-link') return 'Found by its link to your enrollment';
  if (entry.foundBy === 'catalogue-title') return 'Found by its title, which names a course in your catalogue';
  return 'Found as the one course this page shows';
}

/** Why an entry seen on the page does not count; `portal` is the page's host, `organisation` whose records count. */
export function reasonLine(entry: ReadEntryAnswer, portal: string, organisation: string): string | null {
  switch (entry.notCounted) {
    case 'not-mandatory':
      return 'Not counted: it is not one of your mandatory courses';
    case 'other-portal':
      return `Not counted: ${portal} is another organisation’s portal, and its completions do not count for ${organisation}`;
    case 'failed-attempt':
      return 'Not counted: a failed attempt does not complete the course';
    case 'awaiting-review':
      return 'Not counted yet: it is waiting for review, and counts once it is approved';
    default:
      return null;
  }
}

/** Every line the panel shows for an entry, in order. */
export function entryLines(entry: ReadEntryAnswer, portal: string, organisation: string): string[] {
  const reason = reasonLine(entry, portal, organisation);
  return [
    titleLine(entry),
    statusLine(entry),
    ...dateLines(entry),
    foundByLine(entry),
    ...(entry.claims ? [] : ['It shows no status or date of its own: its badge shows what your records say']),
    ...(reason ? [reason] : []),
  ];
}

/** The completion date the page showed, to start a correction from (never a date after today). */
export function correctionStart(entry: ReadEntryAnswer, today: string): string {
  const shown = entry.used.completedOn;
  return shown && shown <= today ? shown : '';
}

/** One line saying what was read on the page. */
export function summaryLine(counted: number, notCounted: number): string {
  const total = counted + notCounted;
  if (!total) return 'I found no course entries on this page.';
  const entries = (n: number) => `${n} course ${n === 1 ? 'entry' : 'entries'}`;
  if (!notCounted) return `I read ${entries(total)} on this page, and ${total === 1 ? 'it counts' : 'all of them count'}.`;
  if (!counted) return `I read ${entries(total)} on this page, and ${total === 1 ? 'it does not count' : 'none of them count'}.`;
  return `I read ${entries(total)} on this page: ${counted} count, ${notCounted} I saw but did not count.`;
}
