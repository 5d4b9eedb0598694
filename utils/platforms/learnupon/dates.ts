// Labelled dates inside one entry: what each date is, by the words right before it, its column header
// or an aria-label ("Due date 20 Dec 2026", a "Date completed" column, aria-label="Certificate expires").
import { parseDisplayDate, type DateOrder } from '@/utils/dates/parse';
import { isOwnOrInvisible, type TextReader } from '@/utils/dom/text';
import type { DateKind, DateReading } from '@/utils/platforms/types';
import { remembered } from '@/utils/remembered';
import { DATE_LIKE, LU_SELECTORS as S, dateKindFromLabel, normalise } from './selectors';

const DATES = new RegExp(DATE_LIKE.source, 'g');
const LABEL_TAIL = /[\s:\-–—·|,(]+$/;

/** parseDisplayDate, once per text and order: a list prints the same dates on many entries, and reads again after a redraw. */
const PARSERS: Record<DateOrder, (text: string) => string | null> = {
  'day-first': remembered((text) => parseDisplayDate(text, 'day-first')),
  'month-first': remembered((text) => parseDisplayDate(text, 'month-first')),
};

/**
 * The text starts with a date, after any white space. Asked of the page's one date pattern from where the
 * text's first word starts (no date starts with white space): a second pattern built around it cost the
 * engine another 0.7 ms to compile on every page with a status line.
 */
export function startsWithDate(text: string): boolean {
  const at = text.length - text.trimStart().length;
  DATES.lastIndex = at;
  const m = DATES.exec(text);
  return m !== null && m.index === at;
}

function dateMatches(text: string): RegExpExecArray[] {
  // Every date has a digit: most text nodes are skipped without running the big pattern.
  const found: RegExpExecArray[] = [];
  if (!/\d/.test(text)) return found;
  DATES.lastIndex = 0;
  for (let m = DATES.exec(text); m; m = DATES.exec(text)) {
    found.push(m);
    if (m[0] === '') DATES.lastIndex++;
  }
  return found;
}

/** The header of a table or grid cell's column, when the table has a header row. */
export function columnHeader(cell: Element, read: TextReader): string | null {
  const row = cell.parentElement;
  if (!row?.matches(S.rows)) return null;
  const index = Array.from(row.children).filter((c) => c.matches(S.cells)).indexOf(cell);
  const table = row.closest('table, [role="table"], [role="grid"]');
  if (index < 0 || !table) return null;
  const rows = Array.from(table.querySelectorAll(S.rows));
  const headerRow =
    table.querySelector('thead tr') ??
    rows.find((r) => {
      const cells = Array.from(r.children).filter((c) => c.matches(S.cells));
      return cells.length > 1 && cells.every((c) => c.matches(S.columnHeaders));
    });
  if (!headerRow || headerRow === row) return null;
  const header = Array.from(headerRow.children).filter((c) => c.matches(S.cells))[index];
  return header ? read.clean(header) : null;
}

/** Text of `parent`'s children before `child`. */
function textBefore(parent: Element, child: Node, read: TextReader): string {
  let out = '';
  for (let node = parent.firstChild; node && node !== child; node = node.nextSibling) out += read.text(node);
  return out;
}

interface Label {
  kind: DateKind;
  label: string;
}

/** undefined: nothing before the date yet (look further up); null: unlabelled; else the label. */
function labelAtEnd(prefix: string): Label | null | undefined {
  const dates = dateMatches(prefix);
  const last = dates[dates.length - 1];
  const tail = last ? prefix.slice(last.index + last[0].length) : prefix;
  if (!normalise(tail).replace(LABEL_TAIL, '')) return undefined;
  const kind = dateKindFromLabel(tail);
  return kind ? { kind, label: lastWords(tail) } : null;
}

/** The label's own words: the end of the text before the date, trimmed to its line. */
function lastWords(text: string): string {
  const words = text.replace(/\s+/g, ' ').replace(LABEL_TAIL, '').trim();
  return words.length > 60 ? `…${words.slice(-60).trimStart()}` : words;
}

function fromLabel(text: string): Label | null {
  const kind = dateKindFromLabel(text);
  return kind ? { kind, label: lastWords(text) } : null;
}

/** What the date at `index` in `text` is: by the words right before it, its column header or an aria-label. */
function dateLabel(text: Text, index: number, scope: Element, read: TextReader): Label | null {
  let prefix = (text.nodeValue ?? '').slice(0, index);
  let label = labelAtEnd(prefix);
  let child: Node = text;
  for (let el = text.parentElement; label === undefined && el && scope.contains(el); el = el.parentElement) {
    if (el.matches(S.cells)) {
      const header = columnHeader(el, read);
      const fromHeader = header ? fromLabel(header) : null;
      if (fromHeader) return fromHeader;
    }
    const labelled = el.getAttribute('aria-label') ?? el.getAttribute('title');
    const fromAttribute = labelled ? fromLabel(labelled) : null;
    if (fromAttribute) return fromAttribute;
    prefix = textBefore(el, child, read) + prefix;
    label = labelAtEnd(prefix);
    child = el;
  }
  return label ?? null;
}

/**
 * The text nodes with a digit (`digits`, in document order; scanText) that belong to each entry: inside it,
 * and neither in a script or our own UI up to and including the entry, nor in `skip` (page furniture) inside
 * it. One walk up from each digit, instead of a walk through each entry.
 */
export function digitsByEntry(digits: readonly Text[], entries: ReadonlyMap<Element, unknown>, skip: ReadonlySet<Element>): Map<Element, Text[]> {
  const byEntry = new Map<Element, Text[]>();
  for (const node of digits) {
    for (let el = node.parentElement; el && !isOwnOrInvisible(el); el = el.parentElement) {
      if (entries.has(el)) {
        const list = byEntry.get(el);
        if (list) list.push(node);
        else byEntry.set(el, [node]);
        break;
      }
      if (skip.has(el)) break;
    }
  }
  return byEntry;
}

/** Every labelled date in `scope`, from its text nodes with a digit (`digits`, in page order; digitsByEntry), in page order. */
export function datesIn(scope: Element, digits: readonly Text[], order: DateOrder, read: TextReader): DateReading[] {
  const found: DateReading[] = [];
  for (const text of digits) {
    const matches = dateMatches(text.data);
    // <time datetime="2024-05-01">1 May</time>: what is shown lacks the year, the machine-readable date has it.
    const time = matches.length ? null : text.parentElement?.closest('time[datetime]');
    if (time && scope.contains(time)) {
      const iso = PARSERS[order](time.getAttribute('datetime')!);
      const label = iso && dateLabel(text, 0, scope, read);
      if (label) found.push({ kind: label.kind, iso: iso!, text: text.data.trim(), label: label.label });
    }
    for (const m of matches) {
      const iso = PARSERS[order](m[0]);
      const label = iso ? dateLabel(text, m.index, scope, read) : null;
      if (iso && label) found.push({ kind: label.kind, iso, text: m[0], label: label.label });
    }
  }
  return found;
}

/** The first date of a kind, the one an entry is read by. */
export function firstOfKind(dates: readonly DateReading[], kind: DateKind): string | null {
  return dates.find((d) => d.kind === kind)?.iso ?? null;
}
