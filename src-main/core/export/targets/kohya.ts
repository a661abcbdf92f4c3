import { datasetToml } from '../dataset-toml';
import { type KohyaSubset, parseSubsetFolder, subsetOf } from '../kohya-subsets';
import { plural, standardCaption, type TargetContext, type TargetSpec } from './target-spec';

/**
 * kohya-ss sd-scripts, DreamBooth-style folders: `<repeats>_<name>/` holding
 * images and captions, optionally with a dataset.toml beside it. A dataset
 * already in that layout keeps its folders and their repeats; images outside
 * them go to the folder the options name.
 */
export const kohyaTarget: TargetSpec = {
  label: 'kohya-ss',
  maxImages: null,
  maxFileBytes: null,
  place: (relPath, options) => {
    const { subset, rel } = subsetOf(relPath, optionsSubset(options));
    return { dir: subset.folder, rel };
  },
  caption: standardCaption,
  extraFiles: (ctx) =>
    ctx.options.kohya.writeToml
      ? [{ path: 'dataset.toml', text: datasetToml(ctx.imageDirs.map((dir) => tomlSubset(ctx, dir)), ctx.options.kohya) }]
      : [],
  notes: ({ options, finalPath, withoutCaption, imageDirs }) => {
    const notes = [
      "kohya's default caption extension is .caption: pass --caption_extension .txt or use the written dataset.toml.",
    ];
    if (withoutCaption > 0) {
      notes.push(
        `${plural(withoutCaption, 'image')} without a caption got no .txt file (kohya stops on an empty caption file); ` +
          (imageDirs.length > 1
            ? "kohya trains them on their folder's class name (the part after <repeats>_)."
            : `kohya trains them on the folder's class name "${parseSubsetFolder(imageDirs[0] ?? '')?.name ?? options.kohya.name}".`),
      );
    }
    if (options.kohya.writeToml) {
      notes.push(
        options.out.kind === 'zip'
          ? "dataset.toml names the image folder relative to where you start kohya: after unzipping, set image_dir to the folder's full path."
          : `Train with --dataset_config "${joinPath(finalPath, 'dataset.toml')}".`,
      );
    } else {
      notes.push(`Train with --train_data_dir "${finalPath}" --caption_extension .txt.`);
    }
    return notes;
  },
};

/** the subset the options name: `<repeats>_<name>` */
function optionsSubset(options: TargetContext['options']): KohyaSubset {
  const { repeats, name } = options.kohya;
  return { folder: `${repeats}_${name}`, repeats, name };
}

/** one written folder as the toml names it: absolute for a folder; a zip is unpacked who knows where, so relative there */
function tomlSubset(ctx: TargetContext, folder: string): KohyaSubset & { imageDir: string } {
  const own = optionsSubset(ctx.options);
  const subset = folder === own.folder ? own : (parseSubsetFolder(folder) ?? own);
  return { ...subset, imageDir: ctx.options.out.kind === 'folder' ? joinPath(ctx.finalPath, folder) : folder };
}

/** join with the separator the destination path already uses (Windows or POSIX) */
function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}
