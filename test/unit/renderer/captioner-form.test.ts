import { describe, expect, it } from 'vitest';
import { channels } from '../../../src-shared/contract';
import {
  buildRunRequest,
  type CaptionForm,
  initialCaptionForm,
  type RunChoice,
  unknownPlaceholders,
  withPreset,
} from '../../../src-renderer/features/captioner/captioner-form';

const DETAILED = { id: 'detailed', prompt: 'Describe {name} in detail. Tags: {tags}', system: 'You write captions.' };
const choice = (patch: Partial<RunChoice> = {}): RunChoice => ({
  target: { kind: 'all' },
  targetProblem: null,
  backendIds: ['b1'],
  model: 'qwen2.5vl:7b',
  presets: [DETAILED],
  ...patch,
});
const form = (patch: Partial<CaptionForm> = {}): CaptionForm => ({ ...withPreset(initialCaptionForm(), DETAILED), ...patch });
const parses = (request: unknown) => channels['captioner.run'].input.safeParse(request).success;

describe('captioning form → run request', () => {
  it('sends an untouched preset by its name, with the defaults the contract expects', () => {
    const built = buildRunRequest(form(), choice());
    expect(built.problem).toBeNull();
    expect(built.request).toEqual({
      target: { kind: 'all' },
      backendIds: ['b1'],
      model: 'qwen2.5vl:7b',
      promptPreset: 'detailed',
      startWith: '',
      strip: true,
      maxSide: 1024,
      concurrency: 2,
      timeoutSeconds: 120,
    });
    expect(parses(built.request)).toBe(true);
  });

  it('sends an edited template as the prompt itself, numbers as numbers, and a rerun over the rejected', () => {
    const built = buildRunRequest(
      form({ prompt: 'Caption {name} for {trigger}', temperature: '0.2', topP: '0.9', maxTokens: '300', startWith: 'A photo of' }),
      choice({ backendIds: ['b1', 'b2'], onlyRejectedOf: 4 }),
    );
    expect(built.request).toMatchObject({
      prompt: 'Caption {name} for {trigger}',
      system: 'You write captions.',
      temperature: 0.2,
      topP: 0.9,
      maxTokens: 300,
      startWith: 'A photo of',
      backendIds: ['b1', 'b2'],
      onlyRejectedOf: 4,
    });
    expect(built.request).not.toHaveProperty('promptPreset');
    expect(parses(built.request)).toBe(true);
  });

  it('says what is missing, in the order a user fills the panel', () => {
    expect(buildRunRequest(form(), choice({ backendIds: [] })).problem).toMatch(/Add a backend/);
    expect(buildRunRequest(form(), choice({ model: ' ' })).problem).toMatch(/Choose the model/);
    expect(buildRunRequest(form(), choice({ target: null, targetProblem: 'Select images first' })).problem).toBe('Select images first');
    expect(buildRunRequest(form({ prompt: '  ' }), choice()).problem).toMatch(/Write a prompt/);
  });

  it('refuses numbers out of the contract’s bounds with the field’s name', () => {
    expect(buildRunRequest(form({ temperature: '3' }), choice()).problem).toBe('Temperature: a number from 0 to 2');
    expect(buildRunRequest(form({ topP: 'x' }), choice()).problem).toMatch(/^Top-p/);
    expect(buildRunRequest(form({ maxTokens: '1.5' }), choice()).problem).toMatch(/^Max tokens: a whole number/);
    expect(buildRunRequest(form({ maxSide: '32' }), choice()).problem).toMatch(/^Longest side: a whole number from 64 to 4,096/);
    expect(buildRunRequest(form({ concurrency: '0' }), choice()).problem).toMatch(/^Requests at once/);
  });

  it('names placeholders the server would not fill', () => {
    expect(unknownPlaceholders('Describe {name} with {tag} and {tags}, {tag} again', ['{tags}', '{name}', '{folder}', '{trigger}'])).toEqual(['{tag}']);
    expect(unknownPlaceholders('Use {trigger}', ['trigger'])).toEqual([]);
    expect(unknownPlaceholders('JSON like {"a": 1} is not a placeholder', ['tags'])).toEqual([]);
  });
});

describe('a structured answer', () => {
  it('sends a typed JSON schema as an object, and says why one is refused', () => {
    const schema = '{"type": "object", "properties": {"caption": {"type": "string"}}}';
    const built = buildRunRequest(form({ jsonSchema: schema }), choice());
    expect(built.request?.jsonSchema).toEqual({ type: 'object', properties: { caption: { type: 'string' } } });
    expect(parses(built.request)).toBe(true);
    expect(buildRunRequest(form({ jsonSchema: '{"type": ' }), choice()).problem).toMatch(/^JSON schema: not valid JSON/);
    expect(buildRunRequest(form({ jsonSchema: '[1]' }), choice()).problem).toMatch(/^JSON schema: an object/);
    expect(buildRunRequest(form({ jsonSchema: '  ' }), choice()).request).not.toHaveProperty('jsonSchema');
  });
});
