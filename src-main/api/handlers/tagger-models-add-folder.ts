import { addPicked, modelsDir } from '../../core/models/models-folder';
import type { Handler } from '../handler';

/** serve: only a folder inside the served one, as for opening a dataset */
export const taggerModelsAddFolder: Handler<'taggerModels.addFolder'> = async ({ path }, { workspace }) =>
  addPicked(modelsDir(workspace.options.userDataDir), await workspace.checkAllowed(path));
