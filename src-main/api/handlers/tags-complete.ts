import type { Handler } from '../handler';

/** this dataset's tags first, then recent ones, then the tag lists; lists still loading are simply not there yet */
export const tagsComplete: Handler<'tags.complete'> = async ({ query, limit }, { workspace }) => {
  const session = workspace.current();
  const recent = session ? await session.recentTags() : [];
  const items = workspace.vocabulary.index.suggest(query, {
    limit,
    datasetCounts: session?.tagCounts() ?? new Map(),
    recent,
    underscoresToSpaces: session?.settingsNow().underscoresToSpaces ?? false,
  });
  return { items };
};
