import { protocol } from 'electron';
import { APP_SCHEME_ENTRY } from './app-protocol';
import { IMAGE_SCHEME_ENTRY } from './image-protocol';

/**
 * Before `ready`, and in one call: Electron takes the whole list of privileged
 * schemes at once, so the page's scheme and the images' are registered together.
 */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_ENTRY, IMAGE_SCHEME_ENTRY]);
}
