import { datasetToml } from '../dataset-toml';
import { plural, standardCaption, type TargetContext, type TargetSpec } from './target-spec';

/**
 * kohya-ss sd-scripts, DreamBooth-style folders: `<repeats>_<name>/` holding
 * images and captions, optionally with a dataset.toml beside it.
 */
export const kohyaTarget: TargetSpec = {
  label: 'kohya-ss',
  maxImages: null,
  maxFileBytes: null,
  imageDir: (options) => subsetFolder(options),
  caption: standardCaption,
  extraFiles: (ctx) => (ctx.options.kohya.writeToml ? [{ path: 'dataset.toml', text: datasetToml(imageDirFor(ctx), ctx.options.kohya) }] : []),
  notes: ({ options, finalPath, withoutCaption }) => {
    const notes = [
      "kohya's default caption extension is .caption: pass --caption_extension .txt or use the written dataset.toml.",
    ];
    if (withoutCaption > 0) {
      notes.push(
        `${plural(withoutCaption, 'image')} without a caption got no .txt file (kohya stops on an empty caption file); ` +
          `kohya trains them on the folder's class name "${options.kohya.name}".`,
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

function subsetFolder(options: TargetContext['options']): string {
  return `${options.kohya.repeats}_${options.kohya.name}`;
}

/** absolute for a folder; a zip is unpacked who knows where, so relative there */
function imageDirFor(ctx: TargetContext): string {
  const sub = subsetFolder(ctx.options);
  return ctx.options.out.kind === 'folder' ? joinPath(ctx.finalPath, sub) : sub;
}

/** join with the separator the destination path already uses (Windows or POSIX) */
function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}
