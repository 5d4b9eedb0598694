// An item in the evidence locker: a certificate, screenshot or training history file, kept as a Blob.
// One definition (the schema); the type is inferred from it. What a file may be is decided by its bytes
// (utils/bytes.ts `sniffKind`), never by its name or stated type alone.
import { z } from '@/utils/zod';
import { MEDIA_TYPES, sniffKind } from '@/utils/bytes';
import { IsoDateSchema } from './record';

export const EvidenceKindSchema = z.enum(['certificate', 'screenshot', 'history', 'other']);
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;

const BlobSchema = z.custom<Blob>((v) => typeof Blob !== 'undefined' && v instanceof Blob, 'must be a file');

export const EvidenceItemSchema = z
  .object({
    id: z.string().check(z.minLength(1), z.maxLength(200)),
    kind: EvidenceKindSchema,
    course: z.nullable(z.string().check(z.maxLength(500))),
    completedOn: z.nullable(IsoDateSchema),
    name: z.string().check(z.maxLength(500)),
    contentType: z.string().check(z.maxLength(200)),
    size: z.number().check(z.int(), z.gte(0)),
    sourceUrl: z.string().check(z.maxLength(2000)),
    addedAt: z.string(),
    /** MyLearning, Moodle or NHS evidence: kept, but left out of the email unless ticked. */
    countsForCompliance: z.boolean(),
    data: BlobSchema,
  })
  .check(z.refine((item) => item.size === item.data.size, { message: 'the file is not the size recorded', path: ['size'] }));
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;

/** The stated types a kept file may have, by kind: documents and pictures, and the history's spreadsheets. */
const PICTURES_AND_PDF: readonly string[] = [MEDIA_TYPES.pdf, MEDIA_TYPES.png, MEDIA_TYPES.jpeg];
const SPREADSHEETS: readonly string[] = [MEDIA_TYPES.xlsx, MEDIA_TYPES.xls, MEDIA_TYPES.csv];
const ALLOWED_TYPES: Record<EvidenceKind, readonly string[]> = {
  certificate: PICTURES_AND_PDF,
  screenshot: PICTURES_AND_PDF,
  other: PICTURES_AND_PDF,
  history: SPREADSHEETS,
};

/** How the first bytes of a file of each stated type must sniff (a CSV is plain text: anything but HTML or a binary kind). */
function bytesMatch(contentType: string, head: Uint8Array): boolean {
  const kind = sniffKind(head);
  switch (contentType) {
    case MEDIA_TYPES.pdf:
      return kind === 'pdf';
    case MEDIA_TYPES.png:
      return kind === 'png';
    case MEDIA_TYPES.jpeg:
      return kind === 'jpeg';
    case MEDIA_TYPES.xlsx:
      return kind === 'xlsx';
    case MEDIA_TYPES.xls:
      return kind === 'xls';
    case MEDIA_TYPES.csv:
      return kind === 'other';
    default:
      return false;
  }
}

/** Enough of a file to sniff it (a PDF header may sit anywhere in the first KB). */
export const SNIFF_BYTES = 1024;

/**
 * Why a kept file's bytes disagree with what the item says it is, or null when they agree: the stated
 * type must be one its kind allows, the Blob must carry that same type (a page opening it trusts the
 * Blob's type), and the bytes must be that kind of file.
 */
export async function evidenceFileProblem(item: Pick<EvidenceItem, 'kind' | 'contentType' | 'data'>): Promise<string | null> {
  if (!ALLOWED_TYPES[item.kind].includes(item.contentType)) return `a ${item.kind} cannot be of type “${item.contentType}”`;
  if (item.data.type !== item.contentType) return `the file says it is “${item.data.type || 'of no type'}”, not “${item.contentType}”`;
  const head = new Uint8Array(await item.data.slice(0, SNIFF_BYTES).arrayBuffer());
  if (!bytesMatch(item.contentType, head)) return `the file is not really “${item.contentType}” (its contents are ${sniffKind(head) === 'html' ? 'a web page' : 'something else'})`;
  return null;
}
