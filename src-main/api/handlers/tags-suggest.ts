import { suggestFromDataset } from '../../core/vocabulary/dataset-suggest';
import type { Handler } from '../handler';

export const tagsSuggest: Handler<'tags.suggest'> = ({ query, limit }, { workspace }) => ({
  items: suggestFromDataset(workspace.requireSession().tagList(), query, limit),
});
