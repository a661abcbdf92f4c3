import { rejectSuggestion } from '../../core/autotag/image-model-tags';
import type { Handler } from '../handler';

export const autotagReject: Handler<'autotag.reject'> = async ({ imageId, tag }, { workspace }) => {
  await rejectSuggestion(workspace.requireSession(), imageId, tag);
  return {};
};
