import { dialog } from 'electron';
import type { FilePickRequest } from '../api/api-host';
import { getMainWindow } from './window';

/**
 * The native folder dialog behind the `folder.pick` channel (Platform.pickFolder).
 * Modal to the main window so it cannot end up behind it.
 */
export async function pickFolder(): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Open a folder of images',
    buttonLabel: 'Open Folder',
    properties: ['openDirectory', 'createDirectory'],
  };
  const window = getMainWindow();
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** The native open-file dialog behind `vocab.import` and `tokens.setT5` (Platform.pickFile). */
export async function pickFile(request: FilePickRequest): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: request.title,
    properties: ['openFile'],
    filters: [...request.filters, { name: 'All files', extensions: ['*'] }],
  };
  const window = getMainWindow();
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
