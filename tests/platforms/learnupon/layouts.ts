// Random LearnUpon-like pages nobody here has seen: course entries as cards, table rows, definition lists
// or lines of text, in random wrappers with random class names, statuses and date labels in several
// wordings, dates in several styles; a signed-in person with a name and an address, and free text.
// Each page comes with what a correct reader finds on it, and the persona strings it holds.
import fc from 'fast-check';
import { UCL_PROFILE } from '@/utils/catalogue/ucl';
import type { DateKind } from '@/utils/platforms/types';
import type { EnrollmentStatus } from '@/utils/records';
import { isoDate } from '../../dates/arbitraries';
import { portalDate } from '../../fixtures/sites/learnupon/model';

export interface LayoutEntry {
  title: string;
  catalogue: boolean;
  status: EnrollmentStatus | null;
  statusText: string | null;
  dates: { kind: DateKind; iso: string; label: string; printed: string }[];
  enrollmentId: string | null;
}

export interface Layout {
  html: string;
  entries: LayoutEntry[];
  /** Strings of the persona that must not survive in a report. */
  persona: string[];
}

const STATUS_WORDS: [EnrollmentStatus, string[]][] = [
  ['completed', ['Completed', 'COMPLETED', 'Complete', 'Status: Completed']],
  ['passed', ['Passed', 'passed']],
  ['in-progress', ['In progress', 'In Progress', 'Status: In progress']],
  ['not-started', ['Not started', 'Not Started', 'NOT STARTED']],
  ['failed', ['Failed']],
  ['pending-review', ['Pending review', 'Awaiting review']],
];
const LABELS: Record<Exclude<DateKind, 'other'>, string[]> & { other: string[] } = {
  completed: ['Completed on', 'Date completed', 'Completion date', 'Finished'],
  due: ['Due date', 'Due by', 'Complete by', 'Deadline'],
  'cert-expires': ['Certificate expires', 'Certificate expiry date', 'Valid until', 'Expires'],
  other: ['Enrolled', 'Start date', 'Last accessed'],
};
const FIRST = ['Priya', 'Tomasz', 'Aoife', 'Kwame', 'Mei', 'Oluwaseun', 'Hannah', 'Rafael'];
const LAST = ['Okonkwo', 'Lindqvist', 'Fitzgerald', 'Nakamura', 'Albuquerque', 'Brennan', 'Haddad'];
const WORDS = ['laboratory', 'quarterly', 'induction', 'fieldwork', 'ethics', 'library', 'welcome', 'bicycle', 'archive', 'seminar', 'harbour', 'meadow'];
const OTHER_TITLES = ['Research Data Management Essentials', 'Excel for Beginners', 'Lab Safety (Chemistry)', 'Writing for the Web'];
const TITLES = [...UCL_PROFILE.courses.flatMap((c) => [c.name, ...c.aliases.filter((a) => a.length > 8)]), ...OTHER_TITLES];
const CLASSES = ['card', 'row', 'item', 'c1', 'x-tile', 'wrap', 'lu-box', 'grid__cell'];

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const entryArb = fc.record({
  title: fc.constantFrom(...TITLES),
  status: fc.option(fc.constantFrom(...STATUS_WORDS), { nil: null }),
  statusVariant: fc.nat(3),
  kinds: fc.subarray(['completed', 'due', 'cert-expires', 'other'] as DateKind[]),
  labelVariant: fc.nat(3),
  style: fc.constantFrom('numeric', 'short', 'long') as fc.Arbitrary<'numeric' | 'short' | 'long'>,
  dates: fc.array(isoDate.filter((d) => d >= '1995-01-01' && d <= '2060-12-31'), { minLength: 4, maxLength: 4 }),
  link: fc.boolean(),
  id: fc.integer({ min: 10_000_000, max: 999_999_999 }),
});

type RawEntry = typeof entryArb extends fc.Arbitrary<infer T> ? T : never;

function entryOf(raw: RawEntry, index: number): LayoutEntry {
  const statusText = raw.status ? raw.status[1][raw.statusVariant % raw.status[1].length]! : null;
  return {
    title: raw.title,
    catalogue: !OTHER_TITLES.includes(raw.title),
    status: raw.status ? raw.status[0] : null,
    statusText,
    dates: raw.kinds.map((kind: DateKind, i: number) => {
      const options = LABELS[kind];
      const iso = raw.dates[i]!;
      return { kind, iso, label: options[raw.labelVariant % options.length]!, printed: portalDate(iso, 'day-first', raw.style) };
    }),
    enrollmentId: raw.link ? String(raw.id + index) : null,
  };
}

function titleHtml(e: LayoutEntry, tag: string): string {
  const inner = e.enrollmentId ? `<a href="/enrollments/${e.enrollmentId}/details">${esc(e.title)}</a>` : esc(e.title);
  return `<${tag}>${inner}</${tag}>`;
}

function card(e: LayoutEntry, cls: string): string {
  const dates = e.dates.map((d) => `<li><span class="lbl">${d.label}:</span> <span>${d.printed}</span></li>`).join('');
  return `<div class="${cls}">${titleHtml(e, 'h3')}${e.statusText ? `<span class="pill">${e.statusText}</span>` : ''}<ul class="meta">${dates}</ul></div>`;
}

function definitionList(e: LayoutEntry, cls: string): string {
  const rows = [...(e.statusText ? [['Status', e.statusText.replace(/^Status: /, '')]] : []), ...e.dates.map((d) => [d.label, d.printed])];
  return `<section class="${cls}">${titleHtml(e, 'h2')}<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></section>`;
}

function line(e: LayoutEntry, cls: string): string {
  const bits = [...(e.statusText ? [`<span>${e.statusText}</span>`] : []), ...e.dates.map((d) => `<span>${d.label} ${d.printed}</span>`)];
  return `<li class="${cls}">${titleHtml(e, 'h4')}<p>${bits.join(' · ')}</p></li>`;
}

function table(entries: LayoutEntry[], cls: string): string {
  // One column per kind, labelled by the first entry's wording of it (columns are the page's, not the entries').
  const kinds = (['completed', 'due', 'cert-expires', 'other'] as DateKind[]).filter((k) => entries.some((e) => e.dates.some((d) => d.kind === k)));
  const head = `<thead><tr><th>Course</th><th>Status</th>${kinds.map((k) => `<th>${LABELS[k][0]}</th>`).join('')}</tr></thead>`;
  const rows = entries.map((e) => `<tr class="${cls}"><td>${e.enrollmentId ? `<a href="/enrollments/${e.enrollmentId}/details">${esc(e.title)}</a>` : esc(e.title)}</td><td>${e.statusText?.replace(/^Status: /, '') ?? ''}</td>${kinds.map((k) => `<td>${e.dates.find((d) => d.kind === k)?.printed ?? ''}</td>`).join('')}</tr>`).join('');
  return `<table>${head}<tbody>${rows}</tbody></table>`;
}

export const layoutArb: fc.Arbitrary<Layout> = fc
  .record({
    kind: fc.constantFrom('cards', 'dl', 'lines', 'table'),
    raw: fc.array(entryArb, { minLength: 1, maxLength: 5 }),
    first: fc.constantFrom(...FIRST),
    last: fc.constantFrom(...LAST),
    domain: fc.constantFrom('ucl.ac.uk', 'outlook.com', 'nhs.net'),
    sentence: fc.array(fc.constantFrom(...WORDS), { minLength: 6, maxLength: 12 }),
    depth: fc.nat(2),
    cls: fc.constantFrom(...CLASSES),
  })
  .map(({ kind, raw, first, last, domain, sentence, depth, cls }) => {
    const entries = raw.map(entryOf).map((e) => (kind === 'table' ? { ...e, dates: e.dates.map((d) => ({ ...d, label: LABELS[d.kind][0]! })) } : e));
    const name = `${first} ${last}`;
    const email = `${first.toLowerCase()}.${last.toLowerCase()}@${domain}`;
    const prose = `${sentence.join(' ')} ${first} wrote this.`;
    const list =
      kind === 'table'
        ? table(entries, cls)
        : kind === 'cards'
          ? `<div class="${cls}s" role="list">${entries.map((e) => `<div role="listitem">${card(e, cls)}</div>`).join('')}</div>`
          : kind === 'dl'
            ? `<div>${entries.map((e) => definitionList(e, cls)).join('')}</div>`
            : `<ul>${entries.map((e) => line(e, cls)).join('')}</ul>`;
    const wrapped = Array.from({ length: depth }).reduce<string>((inner) => `<div class="${cls}-outer">${inner}</div>`, list);
    const html = `<!doctype html><html lang="en"><head><title>My learning | ${esc(name)}</title></head><body>
<header role="banner"><a href="/dashboard">Home</a><button aria-controls="menu" aria-haspopup="true">${first[0]}${last[0]}</button>
<div id="menu" hidden><div>${esc(name)}</div><div>${esc(email)}</div><a href="/users/profile">My Profile</a></div></header>
<main><h1>My learning</h1><p>${esc(prose)}</p>${wrapped}</main><footer role="contentinfo">Powered by LearnUpon</footer></body></html>`;
    const persona = [name, first, last, email, prose, ...entries.flatMap((e) => (e.enrollmentId ? [e.enrollmentId] : [])), ...entries.flatMap((e) => e.dates.map((d) => d.printed))];
    return { html, entries, persona };
  });
