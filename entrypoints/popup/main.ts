import { mount } from 'svelte';
import PopupPanel from '@/components/PopupPanel.svelte';
import { followSystemTheme } from '@/lib/page-theme';
import '@/assets/pages.css';

followSystemTheme();
mount(PopupPanel, { target: document.getElementById('app')! });
