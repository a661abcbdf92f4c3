import type { Handler } from '../handler';
import { chooseFile } from './choose-file';

/** null: the dialog was cancelled, and the tokenizer in use (if any) stays */
export const tokensSetT5: Handler<'tokens.setT5'> = async ({ path }, ctx) => {
  const chosen = await chooseFile(path, { title: 'Choose a T5 tokenizer.json', filters: [{ name: 'tokenizer.json', extensions: ['json'] }] }, ctx);
  return { path: chosen === null ? null : await ctx.workspace.t5.use(chosen) };
};
