/** What `lora-tagger --help` prints, and what follows every command-line error. */
export const USAGE = `Usage:
  lora-tagger [<folder>] [--output-dir NAME] [--prefix NAME]
      Open the app, optionally on <folder>. --output-dir and --prefix are the
      defaults offered when a folder is set up for import (output, img).

  lora-tagger serve <folder> [--host 127.0.0.1] [--port 4780] [--export-dir DIR]
      Serve the UI for <folder> to a browser instead of opening a window.
      --port 0 picks any free port. Loopback only unless --host says otherwise.
      Exports are written only inside <folder>'s parent, and inside DIR if given.

  lora-tagger export <folder> --target civitai|kohya|ai-toolkit --out PATH
                     [--trigger WORD] [--max-side N] [--format keep|png|jpg|webp]
                     [--keep-metadata]
      Write the dataset in the layout a trainer expects.

  lora-tagger autotag <folder> --model <dir|repo-id> [--general 0.35] [--character 0.85]
                      [--mcut] [--max-tags N] [--exclude a,b] [--mode append|replace|suggest]
                      [--underscores keep|spaces] [--batch N] [--provider cpu|cuda|dml|coreml]
      Tag every image with a WD14 tagging model (resuming a run cut short) and
      write the tags by the same rules as the window: append after the tags an
      image has, replace the caption (trigger first, then characters and general
      tags, highest score first), or suggest (keep the scores, write nothing).

  lora-tagger --help | --version

A folder literally named "serve", "export" or "autotag" is opened with ./serve, ./export or ./autotag.
Put "--" before a folder whose name starts with "-".`;
