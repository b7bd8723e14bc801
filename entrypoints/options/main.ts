import { mount } from 'svelte';
import OptionsForm from '@/components/options/OptionsForm.svelte';
import { followSystemTheme } from '@/lib/ui/page-theme';
import { settingsItem } from '@/lib/storage/settings';
import { followLanguageChoice, labelPage } from '@/lib/i18n/follow-language';
import '@/assets/pages.css';

followSystemTheme();
// The settings are read beside the language choice, so the first paint shows every field filled.
const [firstSettings] = await Promise.all([
  settingsItem.getValue(),
  // A language changed in the options page: every label and number format, so start over.
  followLanguageChoice(() => location.reload()),
]);
labelPage('optionsTitle');
mount(OptionsForm, { target: document.getElementById('app')!, props: { firstSettings } });
