/** Bundle sizes, raw and gzip -9, of each part of the built extension with what it imports. */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, type Figure } from './figures';

const KB = 1024;

/** A JS file plus every chunk it imports statically (relative imports), each counted once. */
function withImports(dir: string, entry: string, seen = new Set<string>()): string[] {
  const path = resolve(dir, entry);
  if (seen.has(path) || !existsSync(path)) return [];
  seen.add(path);
  const code = readFileSync(path, 'utf8');
  for (const match of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    withImports(dirname(path), match[1]!, seen);
  }
  return [...seen];
}

/** The scripts and stylesheets an extension page loads. */
function pageFiles(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  const files = new Set<string>();
  for (const match of text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) {
    const file = match[1]!;
    if (file.endsWith('.js')) withImports(dir, file).forEach((f) => files.add(f));
    else files.add(resolve(dir, file));
  }
  return [...files];
}

/** The files of an extension page (the page itself included) whose bytes differ between two builds, by path. */
export function differingPageFiles(dirA: string, dirB: string, html: string): string[] {
  const relative = (dir: string) => [html, ...pageFiles(dir, html).map((file) => file.slice(resolve(dir).length + 1))];
  const [a, b] = [relative(dirA), relative(dirB)];
  const all = [...new Set([...a, ...b])];
  return all.filter((file) => !a.includes(file) || !b.includes(file) || !readFileSync(join(dirA, file)).equals(readFileSync(join(dirB, file))));
}

function size(files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

export function measureBundles(dir: string): Figure[] {
  const parts: { name: string; files: string[]; targetKb?: number }[] = [
    {
      name: 'content script (JS + CSS)',
      files: [join(dir, 'content-scripts/dashboard.js'), join(dir, 'content-scripts/dashboard.css')].filter(existsSync),
      targetKb: 30,
    },
    // Not in the script: the background hands it over only to a tab whose person may see billing.
    { name: 'overlay stylesheet (for people who may see billing)', files: [join(dir, 'assets/overlay.css')] },
    { name: 'background', files: withImports(dir, 'background.js'), targetKb: 25 },
    { name: 'popup', files: pageFiles(dir, 'popup.html') },
    { name: 'options', files: pageFiles(dir, 'options.html') },
  ];
  return parts.flatMap(({ name, files, targetKb }) => {
    const { raw, gzip } = size(files);
    return [
      figure('bundle', `${name}, raw`, raw / KB, 'KB'),
      targetKb
        ? figure('bundle', `${name}, gzip`, gzip / KB, 'KB', `≤ ${targetKb} KB`, gzip / KB <= targetKb)
        : figure('bundle', `${name}, gzip`, gzip / KB, 'KB'),
    ];
  });
}
