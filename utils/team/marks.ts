/** Performance marks on the Team page, read by `npm run bench` (scripts/bench-team.ts): a file chosen → the table painted. */
export const IMPORT_MARKS = { start: 'mtc:team:import-start', done: 'mtc:team:import-done' } as const;
