import { mount } from 'svelte';
import PopupPanel from '@/components/popup/PopupPanel.svelte';
import { followSystemTheme } from '@/lib/ui/page-theme';
import { readShownView } from '@/lib/storage/shown-view';
import { followLanguageChoice, labelPage } from '@/lib/i18n/follow-language';
import '@/assets/popup.css';

followSystemTheme();
// The first paint waits for nothing from the background: the figures last shown are read
// from storage directly, beside the language choice (and its catalog, when one is chosen).
const [firstView] = await Promise.all([
  readShownView().catch(() => null),
  // A language changed in the options page: every label and number format, so start over.
  followLanguageChoice(() => location.reload()),
]);
labelPage('entryLabel');
mount(PopupPanel, { target: document.getElementById('app')!, props: { firstView } });
