import { summarizeSelection } from '../../core/batch/shared-tags';
import { entriesOf } from '../../core/session/batch-targets';
import type { Handler } from '../handler';

export const selectionSummary: Handler<'selection.summary'> = ({ ids }, { workspace }) =>
  summarizeSelection(entriesOf(workspace.requireSession(), ids).map((e) => e.caption.tags));
