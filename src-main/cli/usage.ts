/** What `lora-tagger --help` prints, and what follows every command-line error. */
export const USAGE = `Usage:
  lora-tagger [<folder>] [--output-dir NAME] [--prefix NAME]
      Open the app, optionally on <folder>. --output-dir and --prefix are the
      defaults offered when a folder is set up for import (output, img).

  lora-tagger serve <folder> [--host 127.0.0.1] [--port 4780] [--export-dir DIR] [--keep-api-keys]
      Serve the UI for <folder> to a browser instead of opening a window.
      --port 0 picks any free port. Loopback only unless --host says otherwise.
      Exports are written only inside <folder>'s parent, and inside DIR if given.
      Captioning backends' API keys stay in memory unless --keep-api-keys, which
      keeps them in a file of the app's data folder readable by you alone.

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
      tags, highest score first), or suggest (write no caption; the window shows
      the tags as suggestions to accept or turn down).

  lora-tagger caption <folder> --backend <url> --model <name>
                      [--prompt-preset NAME | --prompt TEXT] [--mode replace|append|suggest]
                      [--max-side 1024] [--concurrency 2] [--kind openai|ollama] [--api-key-env VAR]
      Caption every image with a vision-language model on a server (Ollama at
      :11434, or an OpenAI-compatible /v1 URL: LM Studio, llama.cpp, vLLM, a
      hosted API, its key read from the environment variable VAR). A run cut
      short resumes. suggest (the default) keeps the answers for review in the
      app; replace or append writes them (append: after the existing tags).
      Prompt presets: detailed, short, booru, not-the-subject, with-tags; a
      --prompt may hold {tags}, {name}, {folder} and {trigger}.

  lora-tagger --help | --version

A folder literally named "serve", "export", "autotag" or "caption" is opened with ./serve, ./export, ./autotag or ./caption.
Put "--" before a folder whose name starts with "-".`;
