/** Follows the host's dark mode: it toggles class `dark` on <html> (docs/host.md section 2). */
export function watchDarkMode(onChange: (dark: boolean) => void, signal: AbortSignal): void {
  const root = document.documentElement;
  let last = root.classList.contains('dark');
  onChange(last);
  const observer = new MutationObserver(() => {
    const dark = root.classList.contains('dark');
    if (dark !== last) onChange((last = dark));
  });
  observer.observe(root, { attributes: true, attributeFilter: ['class'] });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
