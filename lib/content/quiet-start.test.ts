import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import '@/lib/content/quiet-start';

const startMessage = (messageId: string) =>
  new MessageEvent('message', {
    data: { type: ContentScriptContext['SCRIPT_STARTED_MESSAGE_TYPE'], contentScriptName: 'dashboard', messageId },
  });

describe('the content script\'s context, quiet toward the page', () => {
  it('posts nothing to the page when it starts', () => {
    const posted = vi.spyOn(window, 'postMessage');
    new ContentScriptContext('dashboard');
    expect(posted).not.toHaveBeenCalled();
  });

  it('is not ended by the page posting WXT\'s start message, only by its extension going', () => {
    const context = new ContentScriptContext('dashboard');
    window.dispatchEvent(startMessage('first'));
    window.dispatchEvent(startMessage('second'));
    expect(context.isValid).toBe(true);

    // After a reload or update the old copy's extension APIs are gone.
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    expect(context.isValid).toBe(false);
    expect(context.signal.aborted).toBe(true);
  });
});
