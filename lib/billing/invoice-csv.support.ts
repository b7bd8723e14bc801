/**
 * Two CSV readers for the CSV export's tests: a strict RFC 4180 one (the file is well formed for
 * its own separator) and a lenient one that splits as a spreadsheet does on whatever separator
 * it was set to, so a test can see the cells a pt-BR sheet makes of an English file and back.
 */

/**
 * Strict RFC 4180 with `separator`: records end in CRLF (the last one too); a field is either
 * quoted (inner quotes doubled, may hold anything) or bare (no separator, quote, CR or LF).
 * Throws on anything else.
 */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      for (i += 1; ; ) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === separator) i += 1;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected ${separator} or CRLF at ${i}`);
  }
  if (row.length > 0) throw new Error('last record does not end in CRLF');
  return rows;
}

/**
 * Every cell a spreadsheet set to `separator` makes, as Excel and LibreOffice read: a cell that
 * starts with a quote runs to the next lone quote (doubled ones are one), whatever follows up to
 * the next separator or line break is appended as is; any other cell runs to the next separator
 * or line break (CR, LF or CRLF), quotes and all. Never throws.
 */
export function spreadsheetCells(text: string, separator: string): string[] {
  const cells: string[] = [];
  const ends = (c: string | undefined) => c === separator || c === '\r' || c === '\n';
  let i = 0;
  while (i <= text.length) {
    let cell = '';
    if (text[i] === '"') {
      for (i += 1; i < text.length; ) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else cell += text[i++];
      }
    }
    while (i < text.length && !ends(text[i])) cell += text[i++];
    cells.push(cell);
    i += text.startsWith('\r\n', i) ? 2 : 1;
  }
  return cells;
}
