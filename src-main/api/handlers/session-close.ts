import type { Handler } from '../handler';

export const sessionClose: Handler<'session.close'> = async (_args, { workspace }) => {
  await workspace.close();
  return {};
};
