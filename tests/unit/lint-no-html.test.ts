// @vitest-environment node
/** The "No HTML from data" lint (tests/tooling/lint-no-html.mjs) on fixtures and on the real tree. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHtmlSinks, lintTree, listScannedFiles } from '../tooling/lint-no-html.mjs';

const ROOT = path.resolve(__dirname, '../..');

const sinksIn = (text: string, file = 'fixture.ts') => findHtmlSinks(text, file).map((f) => f.sink);

/** One line of code per sink, as it would appear in a .ts file. */
const TS_CASES: [string, string][] = [
  ['innerHTML', 'el.innerHTML = data;'],
  ['innerHTML', "el['innerHTML'] = data;"],
  ['outerHTML', 'node.outerHTML = `<b>${name}</b>`;'],
  ['insertAdjacentHTML', "list.insertAdjacentHTML('beforeend', row);"],
  ['document.write', 'document.write(html);'],
  ['document.write', 'document.writeln(html);'],
  ['document.write', 'document . write(html);'],
  ['DOMParser', "const doc = new DOMParser().parseFromString(body, 'text/html');"],
  ['createContextualFragment', 'document.createRange().createContextualFragment(html);'],
];

const SVELTE_CASES: [string, string][] = [
  ['{@html', '<p>{@html invoice.note}</p>'],
  ['{@html', '<div>{ @html body}</div>'],
  ['innerHTML', '<div bind:innerHTML={html} contenteditable></div>'],
  ['innerHTML', '<script lang="ts">\n  ref.innerHTML = text;\n</script>'],
];

describe('findHtmlSinks', () => {
  it.each(TS_CASES)('flags %s in .ts code: %s', (sink, line) => {
    const text = `const a = 1;\n${line}\nexport {};\n`;
    const findings = findHtmlSinks(text, 'lib/x.ts');
    expect(findings.map((f) => f.sink)).toEqual([sink]);
    expect(findings[0]).toMatchObject({ file: 'lib/x.ts', line: 2 });
  });

  it.each(SVELTE_CASES)('flags %s in .svelte text: %s', (sink, text) => {
    const findings = findHtmlSinks(`<h1>Title</h1>\n${text}\n`, 'components/X.svelte');
    expect(findings.map((f) => f.sink)).toEqual([sink]);
    expect(findings[0]!.file).toBe('components/X.svelte');
    expect(findings[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('reports the line and column of each finding, several per line', () => {
    const findings = findHtmlSinks('ok\na.innerHTML = b.outerHTML;\n', 'f.js');
    expect(findings).toEqual([
      { file: 'f.js', line: 2, column: 3, sink: 'innerHTML', text: 'a.innerHTML = b.outerHTML;' },
      { file: 'f.js', line: 2, column: 17, sink: 'outerHTML', text: 'a.innerHTML = b.outerHTML;' },
    ]);
  });

  it('flags comments that mention a sink without the marker', () => {
    expect(sinksIn('// never use innerHTML here')).toEqual(['innerHTML']);
    expect(sinksIn('/** Not DOMParser: text only. */')).toEqual(['DOMParser']);
    expect(sinksIn('/*\n * document.write is banned\n */')).toEqual(['document.write']);
    expect(sinksIn('<!-- no {@html} here -->', 'A.svelte')).toEqual(['{@html']);
    expect(sinksIn('// innerHTML lint-allow-html:')).toEqual(['innerHTML']); // a marker needs a reason
  });

  it('ignores comments that carry "lint-allow-html: <reason>" on the same line', () => {
    expect(sinksIn('// Text nodes, not innerHTML. lint-allow-html: explains the rule')).toEqual([]);
    expect(sinksIn('x = 1; /* no outerHTML; lint-allow-html: docs */')).toEqual([]);
    expect(sinksIn('/**\n * Never DOMParser. lint-allow-html: docs\n */')).toEqual([]);
    expect(sinksIn('<!-- not {@html}; lint-allow-html: docs -->', 'A.svelte')).toEqual([]);
  });

  it('the marker never excuses code, even on the same line', () => {
    expect(sinksIn('el.innerHTML = x; // lint-allow-html: trusted')).toEqual(['innerHTML']);
    expect(sinksIn("const s = '// innerHTML'; // lint-allow-html: trusted")).toEqual(['innerHTML']);
    expect(sinksIn('<p>{@html x}</p> <!-- lint-allow-html: trusted -->', 'A.svelte')).toEqual(['{@html']);
  });

  it('leaves safe DOM APIs and look-alikes alone', () => {
    const safe = [
      'el.textContent = data;',
      "el.setAttribute('title', data);",
      "const html = 'not a sink';",
      'document.createElement("div");',
      '<p>{invoice.note}</p>',
      'writeFile(document, text);',
    ].join('\n');
    expect(findHtmlSinks(safe, 'x.ts')).toEqual([]);
  });
});

describe('the real tree', () => {
  it('scans entrypoints/, components/ and lib/ (.ts, .svelte, .js)', () => {
    const files = listScannedFiles(ROOT).map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
    expect(files.length).toBeGreaterThan(20);
    expect(files).toContain('lib/money.ts');
    expect(files.some((f) => f.startsWith('components/') && f.endsWith('.svelte'))).toBe(true);
    expect(files.some((f) => f.startsWith('entrypoints/'))).toBe(true);
    expect(files.every((f) => /^(entrypoints|components|lib)\//.test(f) && /\.(ts|svelte|js)$/.test(f))).toBe(
      true,
    );
  });

  it('has no HTML sinks', () => {
    expect(lintTree(ROOT)).toEqual([]);
  });
});
