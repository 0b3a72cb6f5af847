// The README promises Node 20 (package.json `engines`): no package we install may ask for more,
// or `npm ci` prints EBADENGINE warnings and the package may not run (issue 9, item 35).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// semver is what npm itself judges engines with; it is installed in the project by several tools.
const semver = createRequire(join(ROOT, 'package.json'))('semver');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The oldest Node we promise, and the one running (when it is one we promise). */
const promised = [semver.minVersion(pkg.engines.node).version];
if (semver.satisfies(process.version, pkg.engines.node)) promised.push(semver.clean(process.version));

/** Every installed package.json under node_modules, nested node_modules included: [path, manifest]. */
function* installed(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || !(entry.isDirectory() || entry.isSymbolicLink())) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      yield* installed(path);
      continue;
    }
    const manifest = join(path, 'package.json');
    if (existsSync(manifest)) yield [path.slice(ROOT.length), JSON.parse(readFileSync(manifest, 'utf8'))];
    yield* installed(join(path, 'node_modules'));
  }
}

const excluding = (range) => promised.filter((version) => !semver.satisfies(version, range));

test(`every installed package's engines.node accepts Node ${promised.join(' and ')}`, () => {
  let checked = 0;
  const bad = [];
  for (const [path, manifest] of installed(join(ROOT, 'node_modules'))) {
    const range = manifest.engines?.node;
    if (typeof range !== 'string') continue;
    checked++;
    const versions = excluding(range);
    if (versions.length) bad.push(`${path} ${manifest.version}: engines.node "${range}" excludes ${versions.join(', ')}`);
  }
  assert.ok(checked > 100, `only ${checked} packages with engines.node found: is node_modules installed?`);
  assert.deepEqual(bad, []);
});

test('every package the lockfile installs on any platform accepts the Node we promise', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  const bad = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    // Optional packages whose engines do not match are skipped by npm, silently (rollup's optional lzma binding).
    if (!path || entry.optional || typeof entry.engines?.node !== 'string') continue;
    const versions = excluding(entry.engines.node);
    if (versions.length) bad.push(`${path} ${entry.version}: engines.node "${entry.engines.node}" excludes ${versions.join(', ')}`);
  }
  assert.deepEqual(bad, []);
});
