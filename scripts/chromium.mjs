// Finds a Chromium or Chrome to drive: CHROME_PATH, else one installed on the machine. When there is
// none, installs Debian's `chromium` package if we can (root with apt-get), else says exactly what to run.
// Browsers downloaded by test tools (npx playwright install) do not work on these machines.
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'];
const INSTALL = 'sudo apt-get update && sudo apt-get install -y chromium';

export function findChromium() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but there is no file there.`);
  }
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export function ensureChromium({ log = console.log } = {}) {
  const found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(`No Chromium or Chrome found. Install one with:\n  ${INSTALL}\nor set CHROME_PATH to a Chrome/Chromium binary.`);
  }
  log('No Chromium found: installing Debian\'s chromium package with apt-get (this takes a minute)…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const installed = findChromium();
  if (!installed) throw new Error(`apt-get finished but no Chromium was found. Try:\n  ${INSTALL}`);
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
