/**
 * The store packages, as `npm run zip` makes them for Firefox: built twice from copies of the tree
 * in two folders, one with output folders lying about as they do after the tests, the bench and
 * the demo. The same sources must give the same bytes, the sources package must hold only what
 * the build needs, and the manifest must say what the listing promises.
 * Run by `npm test` (node --import tsx --test tests/tooling/package.test.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';

const ROOT = resolve(import.meta.dirname, '../..');
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
/** Folders the tests, the bench and the demo write beside the code; none belongs in a package. */
const OUTPUT_FOLDERS = ['bench-results', 'test-results', 'playwright-report', 'demo-screenshots'];

const work = mkdtempSync(join(tmpdir(), 'billing-package-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** The tree as a clone with the current changes has it: tracked and new files, nothing ignored. */
function copyTree(to: string): void {
  const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  // node_modules is shared by zipFirefox (and a symlinked one is no folder to .gitignore's `node_modules/`).
  for (const file of listed.split('\0').filter((f) => f && f !== 'node_modules' && existsSync(join(ROOT, f)))) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(ROOT, file), join(to, file));
  }
}

/** `npm run zip`'s Firefox half in `dir` (node_modules shared, as `npm ci` would install it); the zips' paths. */
function zipFirefox(dir: string): { extension: string; sources: string } {
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const run = spawnSync('npx', ['wxt', 'zip', '-b', 'firefox', '--mv3'], { cwd: dir, encoding: 'utf8', env: { ...process.env, WXT_E2E: '' } });
  assert.equal(run.status, 0, `wxt zip failed in ${dir}:\n${run.stdout}\n${run.stderr}`);
  return {
    extension: join(dir, '.output', `${name}-${version}-firefox.zip`),
    sources: join(dir, '.output', `${name}-${version}-sources.zip`),
  };
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const entriesOf = async (path: string) => Object.keys((await JSZip.loadAsync(readFileSync(path))).files);

let cluttered: { extension: string; sources: string };
let clean: { extension: string; sources: string };

before(() => {
  const tree = join(work, 'cluttered');
  copyTree(tree);
  for (const folder of OUTPUT_FOLDERS) {
    mkdirSync(join(tree, folder), { recursive: true });
    writeFileSync(join(tree, folder, 'left-over.json'), '{}');
  }
  writeFileSync(join(tree, 'npm-debug.log'), 'left over');
  cluttered = zipFirefox(tree);
  // Another folder, at another time: neither may show in the bytes.
  copyTree(join(work, 'clean'));
  clean = zipFirefox(join(work, 'clean'));
});

test('the same sources give the same Firefox package and sources package, byte for byte', () => {
  assert.equal(sha256(clean.extension), sha256(cluttered.extension));
  assert.equal(sha256(clean.sources), sha256(cluttered.sources));
});

test('the sources package holds what the build needs and no output folder, test or log', async () => {
  const entries = await entriesOf(cluttered.sources);
  const needed = ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'docs/store/BUILD.md', 'public/_locales/en/messages.json'];
  // The local dashboard reviewers try it on (`npm run replica`), without its tests.
  needed.push('tests/replica/cli.ts', 'tests/replica/page/index.html');
  for (const file of needed) {
    assert.ok(entries.includes(file), `${file} missing`);
  }
  const unwanted = entries.filter((entry) =>
    [...OUTPUT_FOLDERS, '.output', '.wxt', 'node_modules'].some((folder) => entry.startsWith(`${folder}/`)) ||
    (entry.startsWith('tests/') && !entry.startsWith('tests/replica/')) ||
    /\.(test|support)\.ts$|\.log$/.test(entry),
  );
  assert.deepEqual(unwanted, []);
});

test('the manifest: version from package.json, localized action title, home page, Firefox minimums', async () => {
  const zip = await JSZip.loadAsync(readFileSync(cluttered.extension));
  const read = async (path: string) => JSON.parse(await zip.file(path)!.async('string'));
  const manifest = await read('manifest.json');
  assert.equal(manifest.version, version);
  assert.match(manifest.homepage_url, /^https:\/\//);
  const titleKey = /^__MSG_(\w+)__$/.exec(manifest.action.default_title)?.[1];
  assert.ok(titleKey, `action.default_title is not localized: ${manifest.action.default_title}`);
  for (const locale of ['pt_BR', 'en']) assert.ok((await read(`_locales/${locale}/messages.json`))[titleKey]?.message, `${titleKey} missing in ${locale}`);
  const settings = manifest.browser_specific_settings;
  assert.deepEqual(settings.gecko.data_collection_permissions, { required: ['none'] });
  assert.equal(settings.gecko.strict_min_version, '140.0');
  assert.equal(settings.gecko_android.strict_min_version, '142.0');
});

test("the popup's own stylesheet styles every class its script names that the other pages' stylesheet styles", async () => {
  const zip = await JSZip.loadAsync(readFileSync(cluttered.extension));
  const text = (path: string) => zip.file(path.replace(/^\//, ''))!.async('string');
  const html = async (page: string) => {
    const source = await text(page);
    return { script: /<script[^>]*src="([^"]+)"/.exec(source)![1]!, stylesheet: /<link rel="stylesheet"[^>]*href="([^"]+)"/.exec(source)![1]! };
  };
  const popup = await html('popup.html');
  const [script, popupCss, pagesCss] = await Promise.all([text(popup.script), text(popup.stylesheet), text((await html('billing.html')).stylesheet)]);
  assert.notEqual(popup.stylesheet, (await html('billing.html')).stylesheet, 'the popup has a stylesheet of its own');
  // A class as Tailwind writes its selector: `.` and the name with `:`, `/`, `.`, `[`, `]`, `%` … escaped.
  const selector = (name: string) => `.${name.replace(/[^\w-]/g, (c) => `\\${c}`)}`;
  const styles = (css: string, name: string) => [`${selector(name)}{`, `${selector(name)}:`, `${selector(name)},`, `${selector(name)} `].some((s) => css.includes(s));
  // Names as Tailwind's start (a letter, or a minus sign and a letter): not the numbers in a value (`.5`).
  const named = new Set(script.match(/[\w:/.[\]%@!-]+/g)?.filter((name) => /^-?[a-z]/.test(name)));
  const styledElsewhere = [...named].filter((name) => styles(pagesCss, name));
  assert.ok(styledElsewhere.length > 100, `only ${styledElsewhere.length} classes found: the check reads nothing`);
  assert.deepEqual(styledElsewhere.filter((name) => !styles(popupCss, name)), []);
});
