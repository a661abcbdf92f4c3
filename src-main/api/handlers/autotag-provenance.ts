import { imageProvenance } from '../../core/autotag/image-model-tags';
import type { Handler } from '../handler';

export const autotagProvenance: Handler<'autotag.provenance'> = async ({ imageId }, { workspace }) => ({
  tags: await imageProvenance(workspace.requireSession(), imageId),
});
