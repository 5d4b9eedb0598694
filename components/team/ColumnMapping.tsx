import { useEffect, useState } from 'preact/hooks';
import { FIELD_LABELS, TEAM_FIELDS, type TeamField } from '@/utils/team/fields';
import type { ColumnMap } from '@/utils/team/types';

/**
 * Which column of the report is used for what. The real report's layout is not known, so the columns
 * found are shown and can be changed; the choice is saved by heading for next month's report.
 */
export function ColumnMapping(props: { headers: string[]; columns: ColumnMap; open: boolean; disabled: boolean; onApply: (columns: ColumnMap) => void }) {
  const [draft, setDraft] = useState<ColumnMap>(props.columns);
  useEffect(() => setDraft(props.columns), [props.columns]);
  const changed = TEAM_FIELDS.some((f) => draft[f] !== props.columns[f]);
  const set = (field: TeamField, value: string) => setDraft({ ...draft, [field]: value === '' ? null : Number(value) });

  return (
    <details open={props.open} data-mtc-team-mapping>
      <summary>Columns used from the report</summary>
      <p class="muted">
        Each piece of information is read from the column chosen here. A report with a column per course (headed with the course names) needs no
        course column. Leave a row on “Not in the report” when the report has no such column.
      </p>
      <table>
        <caption class="visually-hidden">Columns used from the report</caption>
        <thead>
          <tr>
            <th scope="col">Information</th>
            <th scope="col">Column in the report</th>
          </tr>
        </thead>
        <tbody>
          {TEAM_FIELDS.map((field) => (
            <tr key={field}>
              <th scope="row">
                <label for={`team-column-${field}`} style={{ margin: 0 }}>{FIELD_LABELS[field]}</label>
              </th>
              <td>
                <select id={`team-column-${field}`} data-mtc-team-field={field} value={draft[field] ?? ''} onChange={(e) => set(field, e.currentTarget.value)}>
                  <option value="">Not in the report</option>
                  {props.headers.map((h, i) =>
                    h ? (
                      <option key={i} value={String(i)}>
                        {h}
                      </option>
                    ) : null,
                  )}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="row" style={{ marginTop: '8px' }}>
        <button type="button" data-mtc-action="team-apply-columns" disabled={props.disabled || (!changed && !props.open)} onClick={() => props.onApply(draft)}>
          Use these columns
        </button>
      </div>
    </details>
  );
}
