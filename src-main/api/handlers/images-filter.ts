import type { Handler } from '../handler';

export const imagesFilter: Handler<'images.filter'> = ({ query }, { workspace }) => {
  const session = workspace.requireSession();
  const found = session.filterIndex.filter(query);
  return found.ok ? { ids: found.entries.map((e) => e.row.id), error: null } : { ids: null, error: found.error };
};
