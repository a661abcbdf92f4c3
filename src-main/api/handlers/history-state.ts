import type { Handler } from '../handler';

export const historyState: Handler<'history.state'> = (_args, { workspace }) => workspace.requireSession().history.state();
