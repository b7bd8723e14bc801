import { mount } from 'svelte';
import FullBillingPage from '@/components/full-page/FullBillingPage.svelte';
import { followSystemTheme } from '@/lib/ui/page-theme';
import { followLanguageChoice, labelPage } from '@/lib/i18n/follow-language';
import { TENANT_ID_PATTERN } from '@/lib/billing/tenant-id';
import { settingsItem } from '@/lib/storage/settings';
import '@/assets/pages.css';

// billing.html#tenant=BELGO-001 shows that tenant; without one, the person's active tenant.
const requested = new URLSearchParams(location.hash.slice(1)).get('tenant') ?? '';
followSystemTheme();
// A language changed in the options page: every label and number format, so start over.
await followLanguageChoice(() => location.reload());
labelPage('pageTitleFull');
const budgets = await settingsItem.getValue();
mount(FullBillingPage, {
  target: document.getElementById('app')!,
  props: {
    tenantId: TENANT_ID_PATTERN.test(requested) ? requested : undefined,
    budgets,
  },
});
