// The built manifest's permissions, pinned: adding a permission, a host, a way in from web pages or a
// looser CSP must change this test, on purpose. Reads the real build (.output/chrome-mv3), so it lives
// with the browser tests that run after `npm run build`; with no build it fails, it never skips.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; exclude_matches?: string[]; js?: string[]; world?: string; all_frames?: boolean; match_about_blank?: boolean; match_origin_as_fallback?: boolean }[];
  background?: Record<string, unknown>;
  [key: string]: unknown;
}

function manifest(): Manifest {
  const path = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(path)) throw new Error(`No built manifest at ${path}: run \`npm run build\` first (npm run test:e2e does). This test does not skip.`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

const COVERED = ['https://*.learnupon.com/*', 'https://app.cybsafe.com/*', 'https://myapps.microsoft.com/*', 'https://login.microsoftonline.com/*'];
/**
 * Host permissions: only where the extension finds and messages a tab (fetching evidence from LearnUpon
 * and CybSafe). The Microsoft sign-in pages need none: their content script, declared in the manifest,
 * runs without (tests/e2e/doctor.test.ts raises its alerts with this build); a build with no host
 * permissions at all could not fetch evidence (tabs.query by address finds nothing).
 */
const HOSTS = ['https://*.learnupon.com/*', 'https://app.cybsafe.com/*'];

describe('manifest', () => {
  it('asks for exactly these permissions', () => {
    const m = manifest();
    expect(m.manifest_version).toBe(3);
    expect([...(m.permissions ?? [])].sort()).toEqual(['activeTab', 'alarms', 'notifications', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
    expect(m.optional_permissions ?? []).toEqual([]);
  });

  it('reaches only LearnUpon and CybSafe, and runs content scripts only on the four covered sites', () => {
    const m = manifest();
    expect([...(m.host_permissions ?? [])].sort()).toEqual([...HOSTS].sort());
    expect(m.optional_host_permissions ?? []).toEqual([]);
    // Every content script's pages lie within the four sites (a script may take fewer pages, never more).
    const hostOf = (pattern: string) => /^https:\/\/([^/]+)\//.exec(pattern)?.[1] ?? `not https: ${pattern}`;
    const hosts = new Set((m.content_scripts ?? []).flatMap((c) => c.matches).map(hostOf));
    expect([...hosts].sort()).toEqual(COVERED.map(hostOf).sort());
    for (const script of m.content_scripts ?? []) {
      // The isolated world only, top frames only: page scripts never share our script's globals.
      expect(script.world ?? 'ISOLATED').toBe('ISOLATED');
      expect(script.all_frames ?? false).toBe(false);
      expect(script.match_about_blank ?? false).toBe(false);
      expect(script.match_origin_as_fallback ?? false).toBe(false);
    }
  });

  it('gives web pages no way in, and keeps the default extension CSP', () => {
    const m = manifest();
    // No externally_connectable: no web page (and no other extension) can message us.
    expect(m.externally_connectable).toBeUndefined();
    // No web-accessible resources: pages cannot load, frame or fingerprint our files.
    expect(m.web_accessible_resources).toBeUndefined();
    // The MV3 default (script-src 'self'): no eval, no remote code, no inline handlers in our pages.
    expect(m.content_security_policy).toBeUndefined();
    expect(m.sandbox).toBeUndefined();
    expect(m.background).toEqual({ service_worker: 'background.js' });
  });

  it('has none of the powers that could move data off the device or wipe it behind the user\'s back', () => {
    const granted = new Set([...(manifest().permissions ?? []), ...(manifest().host_permissions ?? [])]);
    // downloads: files are saved only by an extension page's own <a download> click (components/download.ts).
    for (const p of ['downloads', 'tabs', 'history', 'cookies', 'browsingData', 'webRequest', 'declarativeNetRequest', 'identity', 'nativeMessaging', 'clipboardRead', '<all_urls>', '*://*/*', 'https://*/*']) {
      expect(granted.has(p), `${p} must not be granted`).toBe(false);
    }
  });

  it('puts scripts in pages only from its own files, in one place, on the sites it already covers', () => {
    // `scripting` reaches no further than the host permissions above; it is used to put the LearnUpon
    // scripts the user asks for in the page (utils/data/on-request.ts), never to run code made at run time.
    const callers = ['utils', 'components', 'entrypoints'].flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f) && readFileSync(join(ROOT, dir, f), 'utf8').includes('executeScript'))
        .map((f) => `${dir}/${f}`),
    );
    expect(callers).toEqual(['utils/data/on-request.ts']);
    const source = readFileSync(join(ROOT, 'utils/data/on-request.ts'), 'utf8');
    expect(source).toMatch(/executeScript\(\{ target: \{ tabId \}, files: \[file\] \}\)/);
    expect(source).not.toMatch(/\bfunc\s*:/);
    // The file it puts in is in the package, and the manifest declares no content script for it (it comes when asked).
    expect(existsSync(join(EXTENSION_DIR, 'content-scripts/learnupon-on-request.js'))).toBe(true);
    expect((manifest().content_scripts ?? []).flatMap((c) => c.js ?? [])).not.toContain('content-scripts/learnupon-on-request.js');
  });

  it('puts each page\'s badges script before its sign-in doctor, so the badges start the state\'s reading and read first', () => {
    for (const entry of manifest().content_scripts ?? []) {
      const js = entry.js ?? [];
      const doctor = js.findIndex((f) => f.endsWith('-doctor.js'));
      if (doctor >= 0) expect(js.slice(doctor).every((f) => f.endsWith('-doctor.js'))).toBe(true);
    }
    expect(manifest().content_scripts?.find((c) => c.js?.includes('content-scripts/learnupon.js'))?.js).toEqual(['content-scripts/learnupon.js', 'content-scripts/learnupon-doctor.js']);
  });

  it('content scripts carry no schema library (zod stays in the worker and the pages)', () => {
    // Those the manifest declares and those put in when asked (utils/data/on-request.ts).
    const files = new Set([...(manifest().content_scripts ?? []).flatMap((c) => c.js ?? []), ...readdirSync(join(EXTENSION_DIR, 'content-scripts')).map((f) => `content-scripts/${f}`)]);
    {
      for (const file of files) {
        const code = readFileSync(join(EXTENSION_DIR, file), 'utf8');
        // zod's own marks: its jitless switch, its error class and its type brand.
        expect(code, file).not.toMatch(/jitless|\$ZodError|\$ZodType|_zod/);
      }
    }
    // The control: the worker does carry it.
    expect(readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8')).toMatch(/jitless/);
  });

  it('extension pages load only their own scripts (no inline script for the CSP to refuse)', () => {
    for (const page of ['popup.html', 'sidepanel.html', 'options.html']) {
      const html = readFileSync(join(EXTENSION_DIR, page), 'utf8');
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, page).toMatch(/\bsrc="\/[^"]+"/);
      expect(html, page).not.toMatch(/\son[a-z]+=/i);
    }
  });
});
