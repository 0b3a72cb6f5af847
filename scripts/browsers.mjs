// Finds the Chromium and Firefox the tests run in. On Debian/Ubuntu as root it
// installs them with apt-get when missing; elsewhere it says what to install or set.
// Used by web-test-runner.config.mjs and as `node scripts/browsers.mjs --ensure` before `npm test`.
// --ensure also installs Debian's Jupyter for test/node/jupyter.test.mjs (which skips without it).
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CANDIDATES = {
  chromium: {
    env: 'CHROME_PATH',
    paths: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    ],
    apt: 'chromium',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    paths: [
      '/usr/bin/firefox-esr',
      '/usr/bin/firefox',
      '/Applications/Firefox.app/Contents/MacOS/firefox',
      'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
    ],
    apt: 'firefox-esr',
  },
};

/** The executable for `name` ('chromium' | 'firefox'), or undefined. */
export function findBrowser(name) {
  const { env, paths } = CANDIDATES[name];
  if (process.env[env]) return process.env[env];
  return paths.find((p) => existsSync(p));
}

function isDebianRoot() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    return /debian|ubuntu/i.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

// The visual baselines (test/visual/) are drawn with DejaVu Sans and DejaVu Sans Mono, which Debian's
// chromium and firefox-esr use for system-ui, sans-serif and monospace: fonts-dejavu-core.
const FONTS = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf'];
const FONT_PACKAGE = 'fonts-dejavu-core';

/** Makes sure both browsers (and, on Linux, the DejaVu fonts) exist, installing them with apt-get where that is possible. */
export function ensureBrowsers() {
  const missing = Object.keys(CANDIDATES).filter((name) => !findBrowser(name));
  const fontsMissing = process.platform === 'linux' && !FONTS.every((f) => existsSync(f));
  if (fontsMissing && !isDebianRoot()) console.warn(`The visual tests (test/visual/) expect the DejaVu fonts (Debian/Ubuntu: sudo apt-get install ${FONT_PACKAGE}).`);
  if (!missing.length && !(fontsMissing && isDebianRoot())) return;
  const packages = [...missing.map((name) => CANDIDATES[name].apt), ...(fontsMissing ? [FONT_PACKAGE] : [])];
  if (isDebianRoot()) {
    console.log(`Installing ${packages.join(' ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
    return;
  }
  const lines = missing.map(
    (name) => `  ${name}: install it (Debian/Ubuntu: sudo apt-get install ${CANDIDATES[name].apt}) or set ${CANDIDATES[name].env}=/path/to/its/executable`,
  );
  console.error(`The tests need Chromium and Firefox. Missing:\n${lines.join('\n')}`);
  process.exit(1);
}

/** Debian's packages for the real-Jupyter test (test/node/jupyter.test.mjs). */
export const JUPYTER_PACKAGES = [
  'jupyter-notebook',
  'jupyter-nbformat',
  'jupyter-nbconvert',
  'python3-nbconvert',
  'python3-nbclient',
  'python3-ipykernel',
  'python3-numpy',
];

const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
const importable = (module) => spawnSync('/usr/bin/python3', ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;

/** The packages of JUPYTER_PACKAGES whose commands or modules are missing. */
export function missingJupyter() {
  const checks = {
    'jupyter-notebook': () => onPath('jupyter-notebook'),
    'jupyter-nbformat': () => onPath('jupyter-trust'),
    'jupyter-nbconvert': () => onPath('jupyter-nbconvert'),
    'python3-nbconvert': () => importable('nbconvert'),
    'python3-nbclient': () => importable('nbclient'),
    'python3-ipykernel': () => importable('ipykernel'),
    'python3-numpy': () => importable('numpy'),
  };
  return JUPYTER_PACKAGES.filter((name) => !checks[name]());
}

/** Installs the missing Jupyter packages with apt-get on Debian as root; elsewhere the test skips. */
export function ensureJupyter() {
  const missing = missingJupyter();
  if (!missing.length || !isDebianRoot()) return;
  console.log(`Installing ${missing.join(' ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--ensure')) {
  ensureBrowsers();
  ensureJupyter();
}
