import { afterEach, describe, expect, it, vi } from 'vitest';
import { withSetup } from '../../testing/with-setup';
import { useKeyboardShortcuts } from '../use-keyboard-shortcuts';

function press(key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

describe('single-key shortcuts', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('runs the action of the key and keeps the browser from handling it too', () => {
    const reply = vi.fn();
    const { unmount } = withSetup(() => useKeyboardShortcuts(() => ({ r: reply })));
    const event = press('r');
    expect(reply).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
    expect(press('x').defaultPrevented).toBe(false);
    unmount();
  });

  it('stays out of the way while typing, with modifier keys and inside dialogs', () => {
    const reply = vi.fn();
    const { unmount } = withSetup(() => useKeyboardShortcuts(() => ({ r: reply })));
    document.body.innerHTML = `
      <textarea id="text"></textarea>
      <input id="field" type="text">
      <input id="box" type="checkbox">
      <div id="combo" role="combobox" tabindex="0"></div>
      <div role="dialog"><button id="inDialog">OK</button></div>`;
    for (const id of ['text', 'field', 'combo', 'inDialog']) press('r', document.getElementById(id)!);
    press('r', document.body, { ctrlKey: true });
    press('r', document.body, { metaKey: true });
    expect(reply).not.toHaveBeenCalled();
    // A checkbox is not a text field: the shortcut works there.
    press('r', document.getElementById('box')!);
    expect(reply).toHaveBeenCalledTimes(1);
    unmount();
  });

  it('stops listening when the page is left', () => {
    const reply = vi.fn();
    const { unmount } = withSetup(() => useKeyboardShortcuts(() => ({ r: reply })));
    unmount();
    press('r');
    expect(reply).not.toHaveBeenCalled();
  });
});
