import { CIVITAI_MAX_FILE_BYTES, CIVITAI_MAX_IMAGES } from '../export-limits';
import { atRoot, plural, standardCaption, type TargetSpec } from './target-spec';

/**
 * Civitai's on-site LoRA trainer: a zip with images (png, jpg, webp) and
 * same-named .txt captions at its root, at most 1,000 images of 50 MB each.
 */
export const civitaiTarget: TargetSpec = {
  label: "Civitai's trainer",
  maxImages: CIVITAI_MAX_IMAGES,
  maxFileBytes: CIVITAI_MAX_FILE_BYTES,
  place: atRoot,
  caption: standardCaption,
  extraFiles: () => [],
  notes: ({ options, withoutCaption }) => {
    const notes: string[] = [];
    if (options.out.kind === 'folder') notes.push("Civitai's trainer takes a zip: zip the folder's contents (not the folder) to upload it.");
    if (withoutCaption > 0) notes.push(`${plural(withoutCaption, 'image')} without a caption were exported without a .txt file.`);
    if (options.trigger) notes.push(`Captions start with the trigger word "${options.trigger}".`);
    return notes;
  },
};
