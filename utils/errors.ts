// One way to turn whatever was thrown into words for a message: an Error's own message, else its text.
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return String(error);
  } catch {
    return 'an unknown error';
  }
}
