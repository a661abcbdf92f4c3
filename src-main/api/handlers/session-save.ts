import type { Handler } from '../handler';

export const sessionSave: Handler<'session.save'> = (_args, { workspace }) => workspace.requireSession().flush();
