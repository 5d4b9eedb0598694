// Short ASCII file names for the pack and the e-mail: Outlook copes best with them (docs/pages.md),
// and zip tools on Windows mangle non-ASCII names in entries without the UTF-8 flag.

/** Letters that NFKD does not split into base + mark. */
const SPECIAL: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D',
  ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T', ŋ: 'ng', Ŋ: 'NG',
  '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-',
};

/** Windows refuses these as file names whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Transliterates to ASCII: é → e, ß → ss; anything else non-ASCII is dropped by the caller's cleanup. */
export function transliterate(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\x00-\x7f]/g, (ch) => SPECIAL[ch] ?? ch);
}

/** Runs of anything but letters, digits, `.`, `_` and `-` become one `-`; no leading/trailing `-`/`.`. */
function clean(text: string): string {
  return transliterate(text)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
}

function splitExtension(name: string): { base: string; ext: string } {
  const dot = name.lastIndexOf('.');
  if (dot < 0 || dot === name.length - 1) return { base: name, ext: '' };
  const ext = name.slice(dot + 1);
  // "Report v1.2 final" has no real extension: only short alphanumeric tails count.
  if (!/^[A-Za-z0-9]{1,8}$/.test(ext)) return { base: name, ext: '' };
  return { base: name.slice(0, dot), ext: ext.toLowerCase() };
}

/**
 * A short ASCII file name: diacritics transliterated, other characters replaced by `-`, the
 * extension kept (lower case), the whole at most `maxLength` characters. Never empty.
 */
export function asciiFileName(name: string, maxLength = 40): string {
  const { base, ext } = splitExtension(name.trim());
  const suffix = ext ? `.${ext}` : '';
  const room = Math.max(1, maxLength - suffix.length);
  let stem = clean(base).slice(0, room).replace(/[-._]+$/, '');
  if (!stem) stem = 'file'.slice(0, room);
  if (RESERVED.test(stem)) stem = `${stem}-file`.slice(0, room);
  return `${stem}${suffix}`;
}

/**
 * `asciiFileName` of each name, made unique ignoring case (Windows and macOS file systems do):
 * later duplicates get `-2`, `-3`… before the extension, still within `maxLength`.
 */
export function uniqueNames(names: string[], maxLength = 40): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const first = asciiFileName(name, maxLength);
    let candidate = first;
    const { base, ext } = splitExtension(first);
    const suffix = ext ? `.${ext}` : '';
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const tag = `-${n}`;
      candidate = `${base.slice(0, Math.max(1, maxLength - suffix.length - tag.length))}${tag}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
