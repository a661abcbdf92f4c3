import { CAPTION_MAX_CHARS } from '../../../src-shared/contract/captioner';

/**
 * From a model's answer to a caption. The rules are listed (captioner.prompts)
 * so a person sees what is removed; `strip: false` turns off the optional
 * ones, never the line joining, since a caption file is one line.
 */
export const CLEANUP_RULES: readonly { id: string; description: string; optional: boolean }[] = [
  { id: 'think', description: 'Reasoning blocks <think>…</think> are removed (and anything before a lone </think>).', optional: true },
  {
    id: 'chatter',
    description: 'An opening such as "Sure! Here is a caption:", "Caption:", "This image shows" or "The image depicts" is removed and the next letter capitalised.',
    optional: true,
  },
  { id: 'quotes', description: 'Quotes or Markdown bold wrapped around the whole answer are removed.', optional: true },
  { id: 'one-line', description: 'Line breaks and runs of spaces become one space: a caption file is one line.', optional: false },
  { id: 'start-with', description: 'When "start the caption with" is set, a caption that does not begin with it gets it in front.', optional: false },
];

export type Cleaned = { ok: true; caption: string } | { ok: false; reason: string };

export interface CleanupOptions {
  strip: boolean;
  startWith: string;
  /** the answer is JSON (a schema was asked for): the caption is its `caption` field, or its first string */
  json: boolean;
}

const LEADING_CHATTER = [
  /^(?:sure|okay|ok|certainly|of course)[!,.]?\s*(?:here(?:'s| is)[^:\n]*:)?\s*/i,
  /^here(?:'s| is) (?:a |the |my )?(?:detailed |short |brief )?(?:caption|description)[^:\n]*:\s*/i,
  /^(?:caption|description)\s*:\s*/i,
  /^(?:in )?(?:this|the) (?:image|picture|photo(?:graph)?|illustration|artwork)(?:,\s*| (?:shows|depicts|features|showcases|presents|contains|is of)\s+)(?:we (?:can )?see\s+)?/i,
];

function dropThinking(text: string): string {
  let out = text.replace(/<think>[\s\S]*?<\/think>/gi, '');
  // a template that opened the block itself leaves only its end
  const lone = out.search(/<\/think>/i);
  if (lone >= 0) out = out.slice(lone + '</think>'.length);
  // cut off mid-thought (max tokens): nothing of the caption came yet
  const open = out.search(/<think>/i);
  if (open >= 0) out = out.slice(0, open);
  return out;
}

function dropChatter(text: string): string {
  let out = text;
  for (const rule of LEADING_CHATTER) {
    const next = out.replace(rule, '');
    if (next !== out) out = next.charAt(0).toUpperCase() + next.slice(1);
  }
  return out;
}

function dropWrapping(text: string): string {
  const m = /^(?:"([\s\S]*)"|“([\s\S]*)”|\*\*([\s\S]*)\*\*)$/.exec(text);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '').trim() : text;
}

function firstString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = firstString(v);
      if (s !== null) return s;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.caption === 'string') return record.caption;
    return firstString(Object.values(record));
  }
  return null;
}

export function cleanAnswer(raw: string, options: CleanupOptions): Cleaned {
  let text = raw;
  if (options.strip) text = dropThinking(text);
  if (options.json) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.trim().replace(/^```(?:json)?\s*|\s*```$/g, ''));
    } catch {
      return { ok: false, reason: 'A JSON answer was asked for and the model’s answer is not JSON' };
    }
    const found = firstString(parsed);
    if (found === null) return { ok: false, reason: 'The model’s JSON answer holds no caption (no "caption" field and no string)' };
    text = found;
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (options.strip) text = dropWrapping(dropChatter(text)).trim();
  const start = options.startWith.trim();
  if (start && text !== '' && !text.startsWith(start)) text = `${start} ${text}`;
  if (text === '') return { ok: false, reason: 'The model’s answer is empty once cleaned up' };
  if (text.length > CAPTION_MAX_CHARS) {
    return {
      ok: false,
      reason: `The model’s answer is ${text.length.toLocaleString('en-US')} characters long, over the ${CAPTION_MAX_CHARS.toLocaleString('en-US')} a caption may have (a runaway generation?): lower max tokens`,
    };
  }
  return { ok: true, caption: text };
}
