import { CLEANUP_RULES } from '../../core/captioner/answer-cleanup';
import { PLACEHOLDERS, PROMPT_PRESETS } from '../../core/captioner/prompt-presets';
import type { Handler } from '../handler';

export const captionerPrompts: Handler<'captioner.prompts'> = () => ({
  presets: PROMPT_PRESETS.map((p) => ({ ...p })),
  placeholders: [...PLACEHOLDERS],
  cleanupRules: CLEANUP_RULES.map(({ id, description }) => ({ id, description })),
});
