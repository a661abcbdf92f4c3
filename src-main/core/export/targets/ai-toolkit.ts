import { TRIGGER_PLACEHOLDER, useTriggerPlaceholder } from '../trigger-word';
import { atRoot, plural, standardCaption, type TargetSpec } from './target-spec';

/**
 * ai-toolkit (and OneTrainer, which reads the same layout): one folder of
 * images with same-named .txt captions.
 */
export const aiToolkitTarget: TargetSpec = {
  label: 'ai-toolkit',
  maxImages: null,
  maxFileBytes: null,
  place: atRoot,
  caption: (text, mode, options) => {
    if (!options.trigger || !options.aiToolkitTriggerPlaceholder) return standardCaption(text, mode, options);
    const plain = standardCaption(text, mode, { ...options, trigger: null });
    return plain === null ? null : useTriggerPlaceholder(plain, options.trigger, mode);
  },
  extraFiles: () => [],
  notes: ({ options, finalPath, withoutCaption }) => {
    const notes = [`Point the dataset's folder_path at "${finalPath}" (OneTrainer: the concept's path).`];
    if (options.trigger && options.aiToolkitTriggerPlaceholder) {
      notes.push(`Captions use ${TRIGGER_PLACEHOLDER}: set trigger_word: "${options.trigger}" in the ai-toolkit config.`);
    } else if (options.aiToolkitTriggerPlaceholder) {
      notes.push(`No trigger word was set, so no ${TRIGGER_PLACEHOLDER} placeholder was written.`);
    }
    if (withoutCaption > 0) notes.push(`${plural(withoutCaption, 'image')} without a caption were exported without a .txt file.`);
    return notes;
  },
};
