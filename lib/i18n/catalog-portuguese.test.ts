/**
 * The pt-BR catalog reads as Portuguese: no English word left from the seed or from the
 * English catalog, and no word that lost its accent. Names stay as they are: the product
 * ("Billing e Usage", the host team's name for it), the host ("Dashboard Agile"), the host's
 * own word "tenant", acronyms (API, LLM, CSV), paths and addresses, and "English" as the name
 * of the language in the language menu.
 */
import { describe, expect, it } from 'vitest';
import ptBR from '@/public/_locales/pt_BR/messages.json';

const catalog: Record<string, { message: string }> = ptBR;

/** Kept in the language each names. */
const NAMES = [/Billing e Usage/g, /Dashboard Agile/g, /https?:\/\/\S+/g, /\/api\/[\w/.-]*/g, /\$[A-Z_]+\$/g];
const OWN_NAME_KEYS = new Set(['optionsLanguageEn']);

const ENGLISH = [
  'api calls', 'llm tokens', 'tokens used', 'storage', 'compute', 'loading', 'billing', 'usage', 'dashboard',
  'status', 'refresh', 'retry', 'try again', 'save', 'saved', 'settings', 'options', 'invoice', 'invoices', 'error',
  'details', 'budget', 'cost', 'current', 'period', 'month', 'session', 'expired', 'sign in', 'signed', 'open', 'close',
  'search', 'add', 'remove', 'next', 'previous', 'print', 'export', 'page', 'outdated', 'stale', 'updated', 'failed',
  'server', 'unavailable', 'not available', 'timeline', 'summary', 'paid', 'pending', 'overdue', 'draft', 'void',
  'check', 'connection', 'permission', 'granted', 'none', 'nobody', 'role', 'source', 'instead of', 'expected', 'got',
  'missing', 'the', 'and', 'of', 'from', 'with', 'your', 'full',
];
/** Portuguese words as the seed wrote them, without their accents. */
const UNACCENTED = [
  'periodo', 'distribuicao', 'nao', 'sessao', 'conexao', 'opcoes', 'orcamento', 'situacao', 'proximo', 'proxima',
  'pagina', 'projecoes', 'projecao', 'voce', 'permissao', 'endereco', 'invalido', 'automatico', 'portugues',
  'disponivel', 'indisponiveis', 'configuracoes', 'diario', 'grafico', 'ja', 'ate', 'mes', 'tambem', 'servico',
];

function wordsOf(key: string, message: string): string {
  if (OWN_NAME_KEYS.has(key)) return '';
  return NAMES.reduce((text, name) => text.replace(name, ' '), message).toLowerCase();
}

const has = (text: string, phrase: string) => new RegExp(`(^|[^\\p{L}])${phrase}($|[^\\p{L}])`, 'u').test(text);

describe('the pt-BR catalog', () => {
  const entries = Object.entries(catalog).map(([key, entry]) => [key, wordsOf(key, entry.message)] as const);

  it('has no English word', () => {
    const found = entries.flatMap(([key, text]) => ENGLISH.filter((word) => has(text, word)).map((word) => `${key}: "${word}"`));
    expect(found).toEqual([]);
  });

  it('has no Portuguese word written without its accent', () => {
    const found = entries.flatMap(([key, text]) => UNACCENTED.filter((word) => has(text, word)).map((word) => `${key}: "${word}"`));
    expect(found).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    expect(has(wordsOf('x', 'Carregando dados de billing...'), 'billing')).toBe(true);
    expect(has(wordsOf('x', 'API Calls'), 'api calls')).toBe(true);
    expect(has(wordsOf('x', 'Periodo: $PERIOD$'), 'periodo')).toBe(true);
    expect(has(wordsOf('x', 'Abrir o Dashboard Agile'), 'dashboard')).toBe(false);
    expect(has(wordsOf('x', 'Billing e Usage — Opções'), 'billing')).toBe(false);
    expect(has(wordsOf('x', 'Situação'), 'status')).toBe(false);
  });
});
