import { z } from 'zod';
import { channel } from './define';

/**
 * Tagger models (the WD14 family): a folder with model.onnx and
 * selected_tags.csv, downloaded from Hugging Face into the app's data folder
 * or picked by the user. Not to be confused with ./models, the shapes shared
 * by the dataset channels.
 */

/** `owner/name`, as on huggingface.co */
const repoIdSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a Hugging Face repository id: owner/name');

const installedTaggerModelSchema = z.object({
  /** what a tagging run names: the repository id of a download, the path of a picked folder */
  id: z.string(),
  label: z.string(),
  source: z.enum(['download', 'folder']),
  repo: repoIdSchema.nullable(),
  path: z.string(),
});

const knownTaggerModelSchema = z.object({
  repo: repoIdSchema,
  label: z.string(),
  /** rounded, for choosing; the exact size comes from the hub */
  approxSize: z.string().nullable(),
  /** partial: a download was cut or cancelled and resumes where it stopped */
  state: z.enum(['installed', 'partial', 'absent']),
});

export const taggerModelChannels = {
  /** the known models with their state, and every model ready to run */
  'taggerModels.list': channel(
    z.object({}),
    z.object({
      modelsDir: z.string(),
      known: z.array(knownTaggerModelSchema),
      installed: z.array(installedTaggerModelSchema),
    }),
  ),
  /** download a model into the app's data folder; awaits the job, progress (bytes, rate, time left) arrives as job events */
  'taggerModels.download': channel(z.object({ repo: repoIdSchema }), installedTaggerModelSchema),
  /** use a folder the user picked that holds model.onnx and selected_tags.csv */
  'taggerModels.addFolder': channel(z.object({ path: z.string().min(1).max(4096) }), installedTaggerModelSchema),
} as const;
