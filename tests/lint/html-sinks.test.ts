// @vitest-environment node
/** The repository's ESLint config (eslint.config.js) rejects every HTML sink in product code. */
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });

/** The rules that fired on `code`, as if it were the file at `filePath` in the repository. */
async function rulesFired(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

/** Rules that stand for "no HTML sinks"; any other finding (an unused name, say) proves nothing. */
const SINK_RULES = new Set([
  'no-unsanitized/property',
  'no-unsanitized/method',
  'no-restricted-syntax',
  'no-restricted-globals',
  'no-restricted-properties',
  'svelte/no-at-html-tags',
]);

const TS_SINKS = [
  'el.innerHTML = data;',
  'node.outerHTML = `<b>${name}</b>`;',
  "list.insertAdjacentHTML('beforeend', row);",
  'document.write(html);',
  'document.writeln(html);',
  "new DOMParser().parseFromString(body, 'text/html');",
  'document.createRange().createContextualFragment(html);',
  "el['innerHTML'] = data;",
  'console.log(el.innerHTML);',
];

describe('eslint.config.js: no HTML from data', () => {
  // The first run loads the config, parsers and plugins: slow on a busy machine, once.
  beforeAll(() => rulesFired('export {};\n', 'lib/content/fixture.ts'), 120_000);

  it.each(TS_SINKS)('flags `%s` in lib/', async (line) => {
    const code = `export function render(el: HTMLElement, data: string, html: string, row: string, body: string, name: string, node: Element, list: Element) {\n  ${line}\n  return [el, data, html, row, body, name, node, list];\n}\n`;
    const fired = await rulesFired(code, 'lib/content/fixture.ts');
    expect(fired.length).toBeGreaterThan(0);
    expect(fired.filter((rule) => !SINK_RULES.has(rule))).toEqual([]);
  });

  it('flags {@html} and bind:innerHTML in a component', async () => {
    const at = '<script lang="ts">\n  let { note }: { note: string } = $props();\n</script>\n<p>{@html note}</p>\n';
    expect(await rulesFired(at, 'components/Fixture.svelte')).toContain('svelte/no-at-html-tags');
    const bound = '<script lang="ts">\n  let html = $state(\'\');\n</script>\n<div contenteditable bind:innerHTML={html}></div>\n';
    expect(await rulesFired(bound, 'components/Fixture.svelte')).toContain('no-restricted-syntax');
  });

  it('passes the same code written with text APIs', async () => {
    const ts = 'export function render(el: HTMLElement, data: string) {\n  el.textContent = data;\n  el.append(document.createTextNode(data));\n}\n';
    expect(await rulesFired(ts, 'lib/content/fixture.ts')).toEqual([]);
    const svelte = '<script lang="ts">\n  let { note }: { note: string } = $props();\n</script>\n<p>{note}</p>\n';
    expect(await rulesFired(svelte, 'components/Fixture.svelte')).toEqual([]);
  });
});
