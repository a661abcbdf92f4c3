import type { Handler } from '../handler';

export const sessionCurrent: Handler<'session.current'> = (_args, { workspace }) => workspace.current()?.info() ?? null;
