import { afterEach, describe, expect, it, vi } from 'vitest';
import { withSetup } from '../../../shared/testing/with-setup';
import { SEQUENCE_TIMEOUT_MS, useKeyboardShortcuts } from '../../../shared/ui/use-keyboard-shortcuts';

function press(key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

/** A key press at a given moment (the mechanism times sequences by the events' own time stamps). */
function pressAt(key: string, timeStamp: number): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  Object.defineProperty(event, 'timeStamp', { value: timeStamp });
  document.body.dispatchEvent(event);
  return event;
}

describe('the panel’s shortcut mechanism: sequences, Alt chords, page and shell keys', () => {
  const unmounts: (() => void)[] = [];
  afterEach(() => {
    unmounts.splice(0).forEach((unmount) => unmount());
    document.body.innerHTML = '';
  });

  it('runs two-key sequences (g then t) and not their keys alone', () => {
    const today = vi.fn();
    const list = vi.fn();
    unmounts.push(withSetup(() => useKeyboardShortcuts(() => ({ 'g t': today, 'g l': list }), { global: true })).unmount);
    expect(pressAt('g', 1000).defaultPrevented).toBe(true);
    pressAt('t', 1200);
    expect(today).toHaveBeenCalledTimes(1);
    pressAt('g', 2000);
    pressAt('l', 2100);
    expect(list).toHaveBeenCalledTimes(1);
    // t or l alone do nothing; nor does a second key too late.
    pressAt('t', 3000);
    pressAt('g', 4000);
    pressAt('t', 4000 + SEQUENCE_TIMEOUT_MS + 1);
    expect(today).toHaveBeenCalledTimes(1);
  });

  it('forgets a started sequence when the user types in a field', () => {
    const today = vi.fn();
    unmounts.push(withSetup(() => useKeyboardShortcuts(() => ({ 'g t': today }), { global: true })).unmount);
    document.body.innerHTML = '<input id="field" type="text">';
    pressAt('g', 10);
    press('a', document.getElementById('field')!);
    pressAt('t', 20);
    expect(today).not.toHaveBeenCalled();
  });

  it('takes Alt chords by the physical key, also while typing, but not in dialogs', () => {
    const open = vi.fn();
    unmounts.push(withSetup(() => useKeyboardShortcuts(() => ({ 'Alt+n': open }), { global: true })).unmount);
    document.body.innerHTML = '<input id="field" type="text"><div role="dialog"><input id="inDialog"></div>';
    // Alt+N types "ń" on a Polish keyboard: the key is known by its code.
    press('ń', document.body, { altKey: true, code: 'KeyN' });
    press('ń', document.getElementById('field')!, { altKey: true, code: 'KeyN' });
    press('ń', document.getElementById('inDialog')!, { altKey: true, code: 'KeyN' });
    press('n', document.body, { code: 'KeyN' });
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('gives the page’s keys precedence over the shell’s, and the shell’s back when the page is left', () => {
    const shellHelp = vi.fn();
    const pageHelp = vi.fn();
    unmounts.push(withSetup(() => useKeyboardShortcuts(() => ({ '?': shellHelp }), { global: true })).unmount);
    const page = withSetup(() => useKeyboardShortcuts(() => ({ '?': pageHelp })));
    press('?');
    expect(pageHelp).toHaveBeenCalledTimes(1);
    expect(shellHelp).not.toHaveBeenCalled();
    page.unmount();
    press('?');
    expect(shellHelp).toHaveBeenCalledTimes(1);
  });

  it('leaves Enter on a link or a button to that element', () => {
    const open = vi.fn();
    unmounts.push(withSetup(() => useKeyboardShortcuts(() => ({ Enter: open }))).unmount);
    document.body.innerHTML = '<a id="link" href="#x">x</a><button id="button">b</button><div id="row" tabindex="0">row</div>';
    expect(press('Enter', document.getElementById('link')!).defaultPrevented).toBe(false);
    expect(press('Enter', document.getElementById('button')!).defaultPrevented).toBe(false);
    expect(open).not.toHaveBeenCalled();
    expect(press('Enter', document.getElementById('row')!).defaultPrevented).toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
  });
});
