import { settleModelTag } from '../../core/autotag/dataset-model-tags';
import type { Handler } from '../handler';

export const autotagSettle: Handler<'autotag.settle'> = ({ tag, action }, { workspace }) => settleModelTag(workspace.requireSession(), tag, action, workspace.jobs);
