// Messages from the extension's pages to a content script (the evidence collector), as schemas. Apart
// from messages.ts so a content script, which needs only the command's schema, does not carry the rest.
import { z } from '@/utils/zod';

const text = (max: number) => z.string().check(z.maxLength(max));

/** Sent by the extension's pages to a content script: collect evidence from this page, on the user's click. */
export const CollectCommandSchema = z.object({ type: z.literal('collect-evidence'), history: z.boolean() });
export type CollectCommand = z.infer<typeof CollectCommandSchema>;

const FetchedFileSchema = z.object({
  url: text(2000),
  fileName: text(300),
  base64: z.string(),
});

export const CollectResultSchema = z.object({
  pageUrl: text(2000),
  signedIn: z.boolean(),
  account: z.object({ name: z.nullable(text(300)), email: z.nullable(text(300)) }),
  history: z.nullable(z.union([FetchedFileSchema, z.object({ error: text(1000) })])),
  certificates: z.array(
    z.object({
      title: text(500),
      completedOn: z.nullable(text(10)),
      url: text(2000),
      file: z.nullable(FetchedFileSchema),
      error: z.nullable(text(1000)),
    }),
  ).check(z.maxLength(500)),
});
export type CollectResult = z.infer<typeof CollectResultSchema>;
