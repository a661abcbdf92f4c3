import type { Handler } from '../handler';

export const sessionOpen: Handler<'session.open'> = ({ path, setup }, { workspace }) =>
  workspace.open(setup ? { path, setup } : { path });
