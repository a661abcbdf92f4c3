import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { EventPayload } from '../../src-shared/contract';
import type { EventQueue } from './event-queue';

type MenuCommand = EventPayload<'menu.command'>['command'];

/**
 * The native menu only names commands; the renderer carries them out, since it
 * knows what is on screen (unsaved setup, a focused text field).
 *
 * Keys the renderer also uses while typing (arrows, Ctrl+Z, `?`) get no
 * accelerator here: a menu accelerator would fire for keys the page did not
 * consume, so undo in a tag field would also undo the last caption edit.
 * The renderer binds those keys itself and Help › Keyboard Shortcuts lists them.
 */
export function menuTemplate(options: { send: (command: MenuCommand) => void; isMac: boolean; isDev: boolean }): MenuItemConstructorOptions[] {
  const { send, isMac, isDev } = options;
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => send(name),
    ...(accelerator ? { accelerator } : {}),
  });

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('&Open Folder…', 'open-folder', 'CmdOrCtrl+O'),
      command('&Close Folder', 'close-folder'),
      { type: 'separator' },
      command('&Save', 'save', 'CmdOrCtrl+S'),
      // on macOS Quit lives in the app menu
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: '&Quit', accelerator: 'CmdOrCtrl+Q' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      command('&Undo', 'undo'),
      command('&Redo', 'redo'),
      { type: 'separator' },
      // roles act on the focused text field: typing a tag, editing a caption
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('&Find Tag…', 'find-tag', 'CmdOrCtrl+F'),
    ],
  };

  const go: MenuItemConstructorOptions = {
    label: '&Go',
    submenu: [command('&Previous Image', 'previous'), command('&Next Image', 'next')],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      // a packaged build has no use for devtools and should not offer a console to paste things into
      ...(isDev ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [command('&Keyboard Shortcuts', 'shortcuts')],
  };

  return [...(isMac ? [{ role: 'appMenu' } as const] : []), file, edit, go, view, help];
}

export function setupMenu(options: { events: EventQueue; isDev: boolean }): void {
  const template = menuTemplate({
    send: (command) => options.events.push('menu.command', { command }),
    isMac: process.platform === 'darwin',
    isDev: options.isDev,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
