/**
 * A dashboard address typed by a person, reduced to its origin: "localhost:9001/kanban"
 * becomes "http://localhost:9001". Only http(s) with a host; anything else is refused.
 */
export function parseDashboardOrigin(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}
