import { browser } from 'wxt/browser';
import { parseRequest } from '@/lib/protocol-schema';
import { handleRequest } from '@/lib/background/router';
import { identifyCaller } from '@/lib/background/sender';
import { settingsItem } from '@/lib/settings';

export default defineBackground(() => {
  // No onMessageExternal and no externally_connectable: other extensions and web pages have
  // no way in. Our own contexts are still checked (sender id, tab origin, request shape).
  browser.runtime.onMessage.addListener(async (message: unknown, sender) => {
    const caller = identifyCaller(sender, await settingsItem.getValue());
    const request = caller ? parseRequest(message) : null;
    if (!caller || !request) return { ok: false, error: { kind: 'noAccess' } };
    return handleRequest(caller, request);
  });
});
