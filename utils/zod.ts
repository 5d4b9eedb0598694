// Zod 4 compiles parsers with `new Function`, which the MV3 extension CSP forbids.
// Every schema module imports `z` from here, so jitless is set before any schema exists.
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };

/** One line per problem, naming the field: "courses.2.cadenceMonths: Invalid input". */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(file)'}: ${issue.message}`)
    .join('\n');
}
