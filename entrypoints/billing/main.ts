import { mount } from 'svelte';
import BillingApp from '@/components/full-page/BillingApp.svelte';
import { followSystemTheme } from '@/lib/ui/page-theme';
import { followLanguageChoice } from '@/lib/i18n/follow-language';
import { settingsItem } from '@/lib/storage/settings';
import '@/assets/pages.css';

// billing.html#overview: every tenant; #tenant=BELGO-001 (&month=2026-11): that tenant (at that
// month); without either, the person's active tenant (components/full-page/BillingApp.svelte).
followSystemTheme();
// A language changed in the options page: every label and number format, so start over.
await followLanguageChoice(() => location.reload());
const budgets = await settingsItem.getValue();
mount(BillingApp, { target: document.getElementById('app')!, props: { budgets } });
