import { app, shell, type Session, type WebContents } from 'electron';

/**
 * The renderer is untrusted (DESIGN.md, invariant 4): whatever it shows, it must
 * not be able to leave the app's page, open windows, embed guests or get device
 * access. Applied to every WebContents the app ever creates, not only the main
 * window's, so a future window cannot forget it.
 */
export function setupWebContentsHardening(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl));
}

export function hardenWebContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  const guardNavigation = (event: { url: string; preventDefault(): void }): void => {
    if (isAppUrl(event.url)) return; // dev-server reloads and HMR stay inside the app
    event.preventDefault();
    openInBrowser(event.url); // a plain link click: the user meant to visit it
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });

  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Only web links leave the app: file:, smb:, custom schemes and the like could run things. */
export function openInBrowser(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return;
  void shell.openExternal(parsed.href).catch(() => {
    // no browser configured: nothing useful to tell the renderer
  });
}

/**
 * Writing text to the clipboard (copy a caption) is the one permission the UI
 * uses; it is harmless. Camera, microphone, notifications, geolocation, HID,
 * MIDI and the rest are refused without asking.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
  session.setDevicePermissionHandler(() => false);
}
