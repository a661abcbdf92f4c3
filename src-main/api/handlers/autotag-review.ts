import { reviewModelTags } from '../../core/autotag/dataset-model-tags';
import type { Handler } from '../handler';

export const autotagReview: Handler<'autotag.review'> = async (_args, { workspace }) => ({ tags: await reviewModelTags(workspace.requireSession()) });
