import { normalizeTag } from '../../../src-shared/tag-text';
import { AppError } from '../../core/app-error';
import type { EditableSettings } from '../../core/session/dataset-session';
import type { Handler } from '../handler';

export const settingsSet: Handler<'settings.set'> = ({ triggerWord, captionMode, underscoresToSpaces }, { workspace }) => {
  const session = workspace.requireSession();
  const patch: EditableSettings = {};
  if (triggerWord !== undefined) patch.triggerWord = triggerOf(triggerWord);
  if (captionMode !== undefined) patch.captionMode = captionMode;
  if (underscoresToSpaces !== undefined) patch.underscoresToSpaces = underscoresToSpaces;
  return session.updateSettings(patch);
};

/** one tag, as a tag is written: blank means none */
function triggerOf(raw: string | null): string | null {
  if (raw === null) return null;
  const tag = normalizeTag(raw);
  // a caption is split on commas: a trigger with one would never be a single tag to keep first
  if (tag.includes(',')) throw new AppError('invalid-input', 'The trigger word is one tag: it cannot contain a comma');
  return tag === '' ? null : tag;
}
