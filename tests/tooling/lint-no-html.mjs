// No HTML from data: the extension builds its DOM through Svelte templates and DOM APIs that
// take text, never by parsing HTML. This lint fails on any HTML sink in entrypoints/,
// components/ and lib/ (.ts, .svelte, .js):
//   innerHTML, outerHTML, insertAdjacentHTML, document.write(ln), {@html …}, DOMParser,
//   createContextualFragment
// A comment may mention one only with a `lint-allow-html: <reason>` marker on the same line;
// the marker never excuses code (so `el.innerHTML = x; // lint-allow-html: …` still fails).
//
// Usage: node tests/tooling/lint-no-html.mjs   (exit 0 clean, 1 with file:line findings)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SINKS = [
  { name: 'innerHTML', pattern: /innerHTML/g },
  { name: 'outerHTML', pattern: /outerHTML/g },
  { name: 'insertAdjacentHTML', pattern: /insertAdjacentHTML/g },
  { name: 'document.write', pattern: /document\s*\.\s*write/g },
  { name: '{@html', pattern: /\{\s*@html\b/g },
  { name: 'DOMParser', pattern: /DOMParser/g },
  { name: 'createContextualFragment', pattern: /createContextualFragment/g },
];

export const SCANNED_DIRS = ['entrypoints', 'components', 'lib'];
export const SCANNED_EXTENSIONS = ['.ts', '.svelte', '.js'];

const ALLOW_MARKER = /lint-allow-html:\s*\S/;

/**
 * For each line of `text`, which character offsets are inside a comment: `//` to end of line,
 * `/* … *\/` and `<!-- … -->` (Svelte markup), across lines. A light scan that skips quoted
 * strings on one line; good enough to decide whether an allow marker may excuse a mention.
 */
function commentMask(lines) {
  const masks = [];
  let inBlock = null; // '*/' or '-->' while inside a multi-line comment
  for (const line of lines) {
    const mask = new Array(line.length).fill(false);
    let quote = null;
    for (let i = 0; i < line.length; i += 1) {
      if (inBlock) {
        mask[i] = true;
        if (line.startsWith(inBlock, i)) {
          for (let k = 0; k < inBlock.length; k += 1) mask[i + k] = true;
          i += inBlock.length - 1;
          inBlock = null;
        }
        continue;
      }
      const ch = line[i];
      if (quote) {
        if (ch === '\\') i += 1;
        else if (ch === quote) quote = null;
        continue;
      }
      if (ch === '"' || ch === "'" || ch === '`') {
        quote = ch;
      } else if (line.startsWith('//', i)) {
        for (let k = i; k < line.length; k += 1) mask[k] = true;
        break;
      } else if (line.startsWith('/*', i)) {
        inBlock = '*/';
        mask[i] = true;
        mask[i + 1] = true;
        i += 1;
      } else if (line.startsWith('<!--', i)) {
        inBlock = '-->';
        for (let k = 0; k < 4; k += 1) mask[i + k] = true;
        i += 3;
      }
    }
    masks.push(mask);
  }
  return masks;
}

/**
 * HTML sinks in one file's text. Returns `{ file, line, column, sink, text }` for each one,
 * lines and columns 1-based; a mention inside a comment on a line carrying
 * `lint-allow-html: <reason>` is not reported.
 */
export function findHtmlSinks(text, file) {
  const lines = String(text).split(/\r\n|\r|\n/);
  const masks = commentMask(lines);
  const findings = [];
  lines.forEach((line, index) => {
    const allowed = ALLOW_MARKER.test(line);
    for (const { name, pattern } of SINKS) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(line); m !== null; m = pattern.exec(line)) {
        const inComment = masks[index][m.index] === true;
        if (allowed && inComment) continue;
        findings.push({ file, line: index + 1, column: m.index + 1, sink: name, text: line.trim() });
      }
    }
  });
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Files to scan under `root`: the scanned directories, recursively, by extension. */
export function listScannedFiles(root) {
  const out = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SCANNED_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) out.push(full);
    }
  };
  for (const dir of SCANNED_DIRS) walk(path.join(root, dir));
  return out.sort();
}

/** Every finding in the project at `root`, with paths relative to it. */
export function lintTree(root) {
  return listScannedFiles(root).flatMap((full) =>
    findHtmlSinks(readFileSync(full, 'utf8'), path.relative(root, full).split(path.sep).join('/')),
  );
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

if (invokedDirectly) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const files = listScannedFiles(root);
  const findings = lintTree(root);
  if (findings.length > 0) {
    for (const f of findings) console.error(`${f.file}:${f.line}:${f.column}: ${f.sink}: ${f.text}`);
    console.error(
      `\n✗ ${findings.length} HTML sink(s) in ${SCANNED_DIRS.join('/, ')}/. Build DOM from text, ` +
        'never from HTML; a comment may mention a sink only with "lint-allow-html: <reason>".',
    );
    process.exit(1);
  }
  console.log(`✓ no HTML sinks in ${files.length} files (${SCANNED_DIRS.join(', ')})`);
}
