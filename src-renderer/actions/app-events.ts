import { transport } from '../transport/api';
import { openFolder } from './open-folder';
import { runCommand } from './run-command';
import { sessionChanged, syncWithMain } from './session-flow';

/**
 * Events that cross stores: they move the whole window (a session opened or
 * closed elsewhere, a folder dropped on the shell, a menu item). Events that
 * feed a single store are subscribed in that store's module.
 */
const { api } = transport;

api.on('session.changed', ({ session }) => sessionChanged(session));
api.on('folder.requested', ({ path }) => void openFolder(path));
api.on('menu.command', ({ command }) => runCommand(command));

// events sent while the socket was down are lost: after a reconnect, ask main where things stand
transport.onConnection?.((state, reconnected) => {
  if (state === 'open' && reconnected) void syncWithMain();
});

export const startApp = () => syncWithMain();
