import { test, expect } from './fixtures';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentScriptWorlds, listenToBackground } from './extension-probes';

test('the extension loads: a background worker with our manifest', async ({ background }) => {
  const manifest = await background.evaluate(() => (globalThis as any).chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions).toEqual(['storage', 'alarms', 'notifications', 'scripting']);
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(manifest.web_accessible_resources).toBeUndefined();
  expect(manifest.host_permissions).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
  expect(manifest.externally_connectable).toBeUndefined();
});

test('the content script starts on the dashboard only after Vue has mounted', async ({ context, replica, signIn }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  const entry = page.getByTestId('billing-sidebar-entry');
  await expect(entry).toBeVisible();
  // The entry lives inside the mounted app, not in the raw template Vue replaces.
  const insideMountedApp = await page.evaluate(() => !!document.querySelector('#app[data-v-app] billing-overlay-entry'));
  expect(insideMountedApp).toBe(true);
  void replica;
});

test('on another localhost page the content script never starts, nor announces itself', async ({ context, replica, signIn, background, extensionId }) => {
  // A page on another port with the same DOM as the dashboard: not the configured origin.
  const other = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<div id="app" data-v-app><aside class="sidebar-desktop"><div class="p-4"><div class="space-y-2"></div></div></aside></div>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const port = (other.address() as AddressInfo).port;
  try {
    const heard = await listenToBackground(background);
    const page = await context.newPage();
    const worlds = await contentScriptWorlds(page, extensionId);
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    // WXT's content scripts announce themselves with a window message when they start.
    await page.addInitScript(() => {
      (window as any).__posted = [];
      window.addEventListener('message', (event) => (window as any).__posted.push(JSON.stringify(event.data)));
    });
    // goto waits for `load`: scripts registered for document_idle are injected by then.
    await page.goto(`http://localhost:${port}/`);
    expect(await worlds()).toBe(0);
    expect(await page.evaluate(() => (window as any).__posted)).toEqual([]);
    expect(await heard()).toEqual([]);
    expect(messages).toEqual([]);

    // The same probe on the dashboard itself sees the script: it is only absent elsewhere.
    await signIn(page, 'belgo_admin');
    await expect(page.getByTestId('billing-sidebar-entry')).toBeVisible();
    expect(await worlds()).toBeGreaterThan(0);
    void replica;
  } finally {
    other.close();
  }
});

test('popup and options pages open', async ({ extensionPage }) => {
  const popup = await extensionPage('popup.html');
  await expect(popup.locator('body')).not.toBeEmpty();
  const options = await extensionPage('options.html');
  await expect(options.locator('body')).not.toBeEmpty();
});
