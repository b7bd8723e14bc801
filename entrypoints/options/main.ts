import { mount } from 'svelte';
import OptionsForm from '@/components/options/OptionsForm.svelte';
import { followSystemTheme } from '@/lib/ui/page-theme';
import { followLanguageChoice, labelPage } from '@/lib/i18n/follow-language';
import '@/assets/pages.css';

followSystemTheme();
// A language changed in the options page: every label and number format, so start over.
await followLanguageChoice(() => location.reload());
labelPage('optionsTitle');
mount(OptionsForm, { target: document.getElementById('app')! });
