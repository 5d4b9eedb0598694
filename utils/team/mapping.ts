// Which column holds which field: the saved choice (by heading name) first, then the known headings.
import { PERSON_FIELDS, TEAM_FIELDS, fieldOfHeader, normalizeHeader, type TeamField } from './fields';
import type { ColumnMap, SavedMapping } from './types';

export function resolveColumns(headers: readonly string[], saved: SavedMapping | null): ColumnMap {
  const byHeading = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key && !byHeading.has(key)) byHeading.set(key, i);
  });
  const columns: Partial<Record<TeamField, number | null>> = {};
  const used = new Set<number>();
  for (const field of TEAM_FIELDS) {
    const heading = saved?.fields[field];
    if (heading === null) columns[field] = null;
    else if (heading !== undefined) {
      // A saved heading missing from this month's file falls back to the known names below.
      const index = byHeading.get(normalizeHeader(heading));
      if (index !== undefined) {
        columns[field] = index;
        used.add(index);
      }
    }
  }
  headers.forEach((h, i) => {
    const field = fieldOfHeader(h);
    if (field && columns[field] === undefined && !used.has(i)) {
      columns[field] = i;
      used.add(i);
    }
  });
  return Object.fromEntries(TEAM_FIELDS.map((f) => [f, columns[f] ?? null])) as ColumnMap;
}

/** The choice to save: headings rather than positions, so a reordered report still maps. */
export function toSavedMapping(headers: readonly string[], columns: ColumnMap): SavedMapping {
  const fields: SavedMapping['fields'] = {};
  for (const field of TEAM_FIELDS) {
    const index = columns[field];
    fields[field] = index === null ? null : (headers[index] ?? null);
  }
  return { version: 1, fields };
}

export function hasPerson(columns: ColumnMap): boolean {
  return PERSON_FIELDS.some((f) => columns[f] !== null);
}

/** How well a row looks like the heading row: fields it names plus course columns. */
export function headingScore(headers: readonly string[], saved: SavedMapping | null, isCourse: (h: string) => boolean): number {
  const columns = resolveColumns(headers, saved);
  const fields = TEAM_FIELDS.filter((f) => columns[f] !== null).length;
  const courses = headers.filter((h, i) => h && isCourse(h) && !Object.values(columns).includes(i)).length;
  return fields + courses;
}
