/**
 * Our own pages follow the system's light/dark preference, live. The overlay's `dark:`
 * variant keys on a `dark` class, so the class goes on <html>.
 */
export function followSystemTheme(): void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => document.documentElement.classList.toggle('dark', query.matches);
  apply();
  query.addEventListener('change', apply);
}
