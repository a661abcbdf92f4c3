import './setup';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createEventQueue } from '../../src-main/electron/event-queue';
import { menuTemplate, setupMenu } from '../../src-main/electron/menu';
import { FakeWebContents, Menu } from './electron-stub';

/** every item of the template, depth first */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const byLabel = (template: MenuItemConstructorOptions[], label: string) => {
  const found = items(template).find((item) => item.label?.replace('&', '') === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
};

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('menuTemplate', () => {
  const send = vi.fn();
  const template = menuTemplate({ send, isMac: false, isDev: false });

  it.each([
    ['Open Folder…', 'open-folder', 'CmdOrCtrl+O'],
    ['Close Folder', 'close-folder', undefined],
    ['Save', 'save', 'CmdOrCtrl+S'],
    ['Undo', 'undo', undefined],
    ['Redo', 'redo', undefined],
    ['Find Tag…', 'find-tag', 'CmdOrCtrl+F'],
    ['Previous Image', 'previous', undefined],
    ['Next Image', 'next', undefined],
    ['Keyboard Shortcuts', 'shortcuts', undefined],
  ])('%s sends menu.command %s (accelerator %s)', (label, command, accelerator) => {
    const item = byLabel(template, label);
    send.mockClear();
    click(item);
    expect(send).toHaveBeenCalledExactlyOnceWith(command);
    expect(item.accelerator).toBe(accelerator);
  });

  it('leaves arrows, Ctrl+Z and ? to the renderer: no accelerator claims them', () => {
    const accelerators = items(template).map((item) => item.accelerator).filter(Boolean);
    expect(accelerators).toEqual(['CmdOrCtrl+O', 'CmdOrCtrl+S', 'CmdOrCtrl+Q', 'CmdOrCtrl+F']);
  });

  it('offers Quit and the text-field roles', () => {
    const roles = items(template).map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['quit', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('has devtools only in development, and the app menu only on macOS', () => {
    expect(items(template).some((item) => item.role === 'toggleDevTools')).toBe(false);
    const dev = menuTemplate({ send, isMac: true, isDev: true });
    expect(items(dev).some((item) => item.role === 'toggleDevTools')).toBe(true);
    expect(dev[0]?.role).toBe('appMenu');
    expect(items(dev).some((item) => item.role === 'quit')).toBe(false); // the app menu has it
  });
});

describe('setupMenu', () => {
  it('installs the menu and routes clicks through the event queue', () => {
    const events = createEventQueue();
    const page = new FakeWebContents();
    events.attach(page);
    events.markReady(page);
    setupMenu({ events, isDev: false });
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
    const built = Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItemConstructorOptions[];
    click(byLabel(built, 'Save'));
    expect(page.sent).toEqual([{ channel: 'tagger:event', message: { event: 'menu.command', payload: { command: 'save' } } }]);
  });
});
