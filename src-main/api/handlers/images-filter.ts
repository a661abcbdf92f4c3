import type { Handler } from '../handler';

export const imagesFilter: Handler<'images.filter'> = async ({ query }, { workspace }) => {
  const session = workspace.requireSession();
  const found = await session.index.filter(query, session.closing);
  return found.ok ? { ids: found.entries.map((e) => e.row.id), error: null } : { ids: null, error: found.error };
};
