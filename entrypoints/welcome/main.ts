import { mount } from 'svelte';
import FirstRunPage from '@/components/welcome/FirstRunPage.svelte';
import { followSystemTheme } from '@/lib/ui/page-theme';
import { settingsItem } from '@/lib/storage/settings';
import { followLanguageChoice, labelPage } from '@/lib/i18n/follow-language';
import '@/assets/pages.css';

followSystemTheme();
// The settings are read beside the language choice, so the first paint shows the dashboards listed.
const [firstSettings] = await Promise.all([
  settingsItem.getValue(),
  // A language changed in the options page: every label and number format, so start over.
  followLanguageChoice(() => location.reload()),
]);
labelPage('welcomeTitle');
mount(FirstRunPage, { target: document.getElementById('app')!, props: { firstSettings } });
