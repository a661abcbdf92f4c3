import { taggerModelList } from '../../core/models/tagger-model-list';
import type { Handler } from '../handler';

export const taggerModelsList: Handler<'taggerModels.list'> = (_args, { workspace }) => taggerModelList(workspace.options.userDataDir);
