import { after, test } from 'node:test';
import { byTestId, eventually, startFirefoxSuite, typeInto } from './harness';
import { badgeInExtension } from '../tooling/page-steps';
const suite = await startFirefoxSuite();
after(() => suite.close());
test('debug', async (t) => {
  const dashboard = await suite.dashboard(t);
  await dashboard.signIn(await dashboard.newPage(), 'platform_admin', { token: 'legacy' });
  await eventually(() => dashboard.inExtension(badgeInExtension), { text: '246', color: '#16a34a' });
  const options = await dashboard.extensionPage('options.html');
  await typeInto(options, byTestId('options-budget'), '200');
  await eventually(async () => (await dashboard.inExtension(badgeInExtension)).color, '#dc2626');
  await new Promise((r) => setTimeout(r, 3000));
  const r = await dashboard.inExtension(async () => {
    const b = (globalThis as any).browser;
    return { n: await b.notifications.getAll(), s: (await b.storage.local.get('budgetAlertsShown')).budgetAlertsShown, settings: (await b.storage.local.get('settings')).settings };
  });
  console.log(JSON.stringify(r, null, 1));
});
