import { mount } from 'svelte';
import OptionsForm from '@/components/OptionsForm.svelte';
import { followSystemTheme } from '@/lib/page-theme';
import '@/assets/pages.css';

followSystemTheme();
mount(OptionsForm, { target: document.getElementById('app')! });
