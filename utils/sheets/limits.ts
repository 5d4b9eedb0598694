// How much of a spreadsheet we agree to read. A small file can hold a huge sheet (a "zip bomb": a
// 466 KB .xlsx that inflates to hundreds of MB), so every reader states its limits and the file is
// measured against them before SheetJS is given it.

export interface SheetLimits {
  /** The file itself. */
  maxBytes: number;
  /** Everything a zipped workbook (.xlsx) holds once inflated, as its directory declares and as checked. */
  maxInflatedBytes: number;
  /** Entries in a zipped workbook: real ones have a dozen or two. */
  maxEntries: number;
  /** Rows read from each sheet; more are left unread and the grid says it was cut short. */
  maxRows: number;
  /** Columns in use in a sheet; more is refused (a report has a few dozen). */
  maxColumns: number;
}

/** Thrown (and caught by the readers) when a file is beyond a limit: its message is for the user. */
export class SheetLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetLimitError';
  }
}

export function megabytes(bytes: number): string {
  const mb = bytes / 1048576;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en-GB')} MB`;
}
