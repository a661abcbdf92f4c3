/**
 * SmilingWolf's WD taggers, by Hugging Face repository id. Every one is laid out
 * the same way: `model.onnx` and `selected_tags.csv` at the top of the repository.
 *
 * The sizes are rounded, for the list only (they help a user choose before a
 * gigabyte download); the exact size and SHA-256 always come from the hub.
 */
export interface CatalogEntry {
  repo: string;
  label: string;
  /** the model file's size, roughly; absent where we have no figure we trust */
  approxSize?: string;
}

export const KNOWN_TAGGER_MODELS: readonly CatalogEntry[] = [
  { repo: 'SmilingWolf/wd-eva02-large-tagger-v3', label: 'WD EVA02-Large v3', approxSize: 'about 1.3 GB' },
  { repo: 'SmilingWolf/wd-vit-large-tagger-v3', label: 'WD ViT-Large v3', approxSize: 'about 1.3 GB' },
  { repo: 'SmilingWolf/wd-swinv2-tagger-v3', label: 'WD SwinV2 v3' },
  { repo: 'SmilingWolf/wd-convnext-tagger-v3', label: 'WD ConvNeXT v3' },
  { repo: 'SmilingWolf/wd-vit-tagger-v3', label: 'WD ViT v3' },
  { repo: 'SmilingWolf/wd-v1-4-moat-tagger-v2', label: 'WD 1.4 MOAT v2' },
  { repo: 'SmilingWolf/wd-v1-4-swinv2-tagger-v2', label: 'WD 1.4 SwinV2 v2' },
  { repo: 'SmilingWolf/wd-v1-4-convnext-tagger-v2', label: 'WD 1.4 ConvNeXT v2' },
  { repo: 'SmilingWolf/wd-v1-4-convnextv2-tagger-v2', label: 'WD 1.4 ConvNeXTV2 v2' },
  { repo: 'SmilingWolf/wd-v1-4-vit-tagger-v2', label: 'WD 1.4 ViT v2' },
];

/** The files a tagger model folder holds, in the order they are downloaded (the small one first: a missing repository fails fast). */
export const MODEL_FILES = ['selected_tags.csv', 'model.onnx'] as const;
export type ModelFileName = (typeof MODEL_FILES)[number];

/** `owner/name` as the hub spells it: each part one safe path segment, so a repository id never climbs out of the models folder */
const REPO_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;

export function isRepoId(repo: string): boolean {
  return REPO_ID.test(repo) && !repo.split('/').some((part) => part === '.' || part === '..' || part.endsWith('.'));
}

export function labelFor(repo: string): string {
  return KNOWN_TAGGER_MODELS.find((m) => m.repo === repo)?.label ?? repo;
}
