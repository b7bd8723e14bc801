import { mount } from 'svelte';
import PrivacyPolicy from '@/components/privacy/PrivacyPolicy.svelte';
import { followSystemTheme } from '@/lib/ui/page-theme';
import { followLanguageChoice, labelPage } from '@/lib/i18n/follow-language';
import '@/assets/pages.css';

followSystemTheme();
// A language changed in the options page: the policy in that language, so start over.
await followLanguageChoice(() => location.reload());
labelPage('privacyTitle');
mount(PrivacyPolicy, { target: document.getElementById('app')!, props: {} });
