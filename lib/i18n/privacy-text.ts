/**
 * The privacy policy, in each language the extension ships: the one source of the extension's
 * privacy page (components/privacy/) and of docs/privacy.md, which its test renders from here
 * and compares, so the two never say different things. Plain text only (no markup): the page
 * shows it as text and the Markdown file as paragraphs and lists.
 * Each fact is the code's: lib/storage/ (where each item is kept) and README "How it works".
 */
import type { Language } from '@/lib/i18n/catalog';

export interface PrivacySection {
  heading: string;
  items: string[];
}

export interface PrivacyText {
  title: string;
  intro: string;
  sections: PrivacySection[];
}

export const PRIVACY_TEXT: Record<Language, PrivacyText> = {
  'pt-BR': {
    title: 'Política de privacidade',
    intro: 'O Billing e Usage é uma extensão de navegador que mostra o faturamento do Dashboard Agile v6 da Fabrica de Agentes a quem já tem acesso a ele. Esta política diz o que a extensão lê, onde guarda, para onde envia e como apagar. Ela não coleta nada para si.',
    sections: [
      {
        heading: 'O que a extensão lê',
        items: [
          'Da página do Dashboard Agile, só no endereço que você configurou: a sessão que o próprio painel guarda no localStorage da página (o token de sessão auth_token, o seu usuário e papel em user_data e o tenant marcado em current_tenant) e se a página está no tema claro ou escuro.',
          'As respostas do servidor do Dashboard Agile sobre você e o faturamento: quem está conectado, os seus tenants, custo, uso, cotas, projeções e faturas.',
          'O que você configura na página de opções.',
          'Nenhum outro site: a extensão só age no endereço do Dashboard Agile configurado. Endereços locais (localhost e 127.0.0.1) vêm permitidos na instalação; qualquer outro, só depois que você permite o acesso a ele no navegador.',
        ],
      },
      {
        heading: 'Onde fica guardado',
        items: [
          'O token de sessão fica só em storage.session: na memória do navegador, apagado quando o navegador fecha. Nunca em storage.local nem em storage.sync, nunca em registros (logs).',
          'Os números de faturamento já buscados (o cache) também ficam em storage.session e somem quando o navegador fecha.',
          'Em storage.local, neste perfil do navegador: as configurações (endereço, idioma, intervalo de atualização, orçamento e alerta), os tenants que cada pessoa escolheu (por endereço e usuário), os alertas de orçamento já mostrados e os endereços em que alguém já entrou (só o endereço).',
          'Numa janela privada, nada vai para storage.local: as escolhas e os alertas dela somem quando a última janela privada fecha.',
          'Nada é sincronizado entre dispositivos.',
        ],
      },
      {
        heading: 'Para onde vai',
        items: [
          'Só para o servidor do Dashboard Agile configurado, na mesma origem (protocolo, servidor e porta) do painel: a extensão envia o token a ele, como o próprio painel faz, para pedir os números.',
          'Nada vai para nós, os autores, nem para terceiros: não há análise de uso (analytics), rastreamento, anúncios nem relatórios de erro.',
          'Os dados não são vendidos, compartilhados nem usados para outra coisa além de mostrar o faturamento a você.',
        ],
      },
      {
        heading: 'Como apagar',
        items: [
          'Saia do Dashboard Agile (ou apague os dados do site no navegador): quando o token some da página, a sessão que a extensão guardava vai junto. Um token que o servidor recusa também é apagado.',
          'Na página de opções: remova os tenants que você escolheu; trocar o endereço apaga a sessão e os números do endereço anterior.',
          'Feche o navegador: storage.session (a sessão e o cache) é apagado.',
          'Desinstale a extensão: o navegador apaga tudo o que ela guardou.',
        ],
      },
    ],
  },
  en: {
    title: 'Privacy policy',
    intro: 'Billing & Usage is a browser extension that shows the billing of the Fabrica de Agentes Agile Dashboard v6 to people who already have access to it. This policy says what the extension reads, where it keeps it, where it sends it and how to remove it. It collects nothing for itself.',
    sections: [
      {
        heading: 'What the extension reads',
        items: [
          'From the Agile Dashboard\'s page, only at the address you configured: the session the dashboard itself keeps in the page\'s localStorage (the session token auth_token, your username and role in user_data, and the tenant marked in current_tenant), and whether the page is in its light or dark theme.',
          'The Agile Dashboard server\'s answers about you and the billing: who is signed in, your tenants, cost, usage, quotas, projections and invoices.',
          'What you set in the options page.',
          'No other site: the extension acts only on the configured Agile Dashboard address. Local addresses (localhost and 127.0.0.1) are allowed at install; any other only once you allow access to it in the browser.',
        ],
      },
      {
        heading: 'Where it is kept',
        items: [
          'The session token is kept in storage.session only: in the browser\'s memory, gone when the browser closes. Never in storage.local or storage.sync, never in logs.',
          'The billing figures already fetched (the cache) are kept in storage.session too, and go when the browser closes.',
          'In storage.local, in this browser profile: the settings (address, language, refresh interval, budget and alert), the tenants each person chose (per address and username), the budget alerts already shown, and the addresses where someone has signed in (the address only).',
          'In a private window nothing goes to storage.local: its choices and alerts go when its last private window closes.',
          'Nothing is synced between devices.',
        ],
      },
      {
        heading: 'Where it goes',
        items: [
          'Only to the configured Agile Dashboard server, at the dashboard\'s own origin (scheme, host and port): the extension sends it the token, as the dashboard itself does, to ask for the figures.',
          'Nothing goes to us, the authors, or to anyone else: no analytics, no tracking, no ads, no error reports.',
          'The data is not sold, shared or used for anything but showing you the billing.',
        ],
      },
      {
        heading: 'How to remove it',
        items: [
          'Sign out of the Agile Dashboard (or clear the site\'s data in the browser): once the token leaves the page, the session the extension kept goes with it. A token the server refuses is removed too.',
          'In the options page: remove the tenants you chose; changing the address removes the previous address\'s session and figures.',
          'Close the browser: storage.session (the session and the cache) is cleared.',
          'Uninstall the extension: the browser removes everything it kept.',
        ],
      },
    ],
  },
};

/** The policy in the language of `locale` (a BCP 47 tag): English for English, else pt-BR. */
export function privacyTextFor(locale: string): PrivacyText {
  return locale.toLowerCase().split('-')[0] === 'en' ? PRIVACY_TEXT.en : PRIVACY_TEXT['pt-BR'];
}
