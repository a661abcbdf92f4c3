/**
 * Prompt presets per use, and the placeholders a template may hold. A
 * template is filled per image; a placeholder the template does not use
 * costs nothing, and an unknown `{word}` is left as written.
 */
export interface PromptPreset {
  id: string;
  label: string;
  prompt: string;
  system: string;
}

const SYSTEM = 'You write captions for images in a dataset used to train an image model. Answer with the caption only.';

export const PROMPT_PRESETS: readonly PromptPreset[] = [
  {
    id: 'detailed',
    label: 'Detailed caption (Flux, SD3)',
    prompt:
      'Write a detailed caption for this image in flowing natural language: the subject, their pose and clothing, the setting, lighting, colours, composition and style. One paragraph, no lists.',
    system: SYSTEM,
  },
  {
    id: 'short',
    label: 'Short caption',
    prompt: 'Write a one-sentence caption for this image.',
    system: SYSTEM,
  },
  {
    id: 'booru',
    label: 'Booru tags',
    prompt: 'List booru-style tags for this image, comma-separated, most important first. Tags only.',
    system: SYSTEM,
  },
  {
    id: 'not-the-subject',
    label: 'Everything but the trigger’s subject (character and style LoRAs)',
    prompt:
      'This image shows {trigger}. Describe everything in the image except {trigger} itself: do not describe their face, body or defining features, only the pose, clothing, setting, lighting and composition. Start the caption with "{trigger}".',
    system: SYSTEM,
  },
  {
    id: 'with-tags',
    label: 'Caption from the current tags',
    prompt: 'The image is tagged: {tags}. Write a natural-language caption for it that agrees with these tags where they are right.',
    system: SYSTEM,
  },
];

export const PLACEHOLDERS = ['{tags}', '{name}', '{folder}', '{trigger}'] as const;

export interface TemplateValues {
  /** the image's current tags, joined as in its caption */
  tags: string;
  /** the image's file name without its extension */
  name: string;
  /** the folder it is in, relative to the dataset ('' at the top) */
  folder: string;
  /** the dataset's trigger word ('' when none) */
  trigger: string;
}

/** one pass, so a value that itself contains `{tags}` is not filled again */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(tags|name|folder|trigger)\}/g, (_, key: keyof TemplateValues) => values[key]);
}

export function findPromptPreset(id: string): PromptPreset | undefined {
  return PROMPT_PRESETS.find((p) => p.id === id);
}
