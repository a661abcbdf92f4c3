import type { Handler } from '../handler';
import { chooseFile } from './choose-file';

export const vocabImport: Handler<'vocab.import'> = async ({ path }, ctx) => {
  const chosen = await chooseFile(
    path,
    { title: 'Import a tag list', filters: [{ name: 'Tag lists (CSV or plain)', extensions: ['csv', 'txt'] }] },
    ctx,
  );
  if (chosen === null) return { source: null, tags: 0, skipped: 0 };
  return ctx.workspace.vocabulary.importFile(chosen);
};
