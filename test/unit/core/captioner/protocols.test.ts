import { describe, expect, it } from 'vitest';
import { ollamaAnswer, ollamaBody } from '../../../../src-main/core/captioner/ollama-client';
import { openAiAnswer, openAiBody, openAiUrl } from '../../../../src-main/core/captioner/openai-client';
import { fillTemplate } from '../../../../src-main/core/captioner/prompt-presets';
import { serverMessage } from '../../../../src-main/core/captioner/http-json';
import { jsonWithImage } from '../../../../src-main/core/captioner/json-image-body';

const request = { model: 'm', jpeg: Buffer.from([0xff, 0xd8, 0xff]), prompt: 'Describe.', system: 'Short.', temperature: 0.2, topP: 0.8, maxTokens: 300 };

describe('the two protocols', () => {
  it('OpenAI-compatible: a data: URL part, stream off, the options by their names, /v1 added when missing', () => {
    expect(openAiBody(request)).toEqual({
      model: 'm',
      messages: [
        { role: 'system', content: 'Short.' },
        { role: 'user', content: [{ type: 'text', text: 'Describe.' }, { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/' } }] },
      ],
      stream: false,
      temperature: 0.2,
      top_p: 0.8,
      max_tokens: 300,
    });
    expect(openAiBody({ ...request, jsonSchema: { type: 'object' } }).response_format).toEqual({ type: 'json_schema', json_schema: { name: 'caption', schema: { type: 'object' } } });
    expect(openAiUrl('http://h:1234/v1/', '/models')).toBe('http://h:1234/v1/models');
    expect(openAiUrl('https://api.example.com', '/chat/completions')).toBe('https://api.example.com/v1/chat/completions');
    expect(openAiAnswer({ choices: [{ message: { content: [{ type: 'text', text: 'A ' }, { type: 'text', text: 'cat' }] } }] })).toBe('A cat');
    expect(() => openAiAnswer({ choices: [] })).toThrow('no choices[0].message.content');
  });

  it('Ollama: images as base64 beside the prompt, stream off, options as Ollama names them', () => {
    expect(ollamaBody(request)).toEqual({
      model: 'm',
      messages: [
        { role: 'system', content: 'Short.' },
        { role: 'user', content: 'Describe.', images: ['/9j/'] },
      ],
      stream: false,
      options: { temperature: 0.2, top_p: 0.8, num_predict: 300 },
    });
    expect(ollamaAnswer({ message: { content: 'A dog' } })).toBe('A dog');
    expect(() => ollamaAnswer({ error: 'x' })).toThrow('no message.content');
  });

  it('the bytes sent are the same JSON as the body with its image in place, for both protocols', () => {
    const jpeg = Buffer.from(Array.from({ length: 1001 }, (_, i) => (i * 7) % 256));
    const sent = JSON.parse(jsonWithImage((marker) => openAiBody({ ...request, jpeg, prompt: 'quote " and \\ and ü' }, marker), jpeg, 'data:image/jpeg;base64,').toString('utf8'));
    expect(sent).toEqual(openAiBody({ ...request, jpeg, prompt: 'quote " and \\ and ü' }));
    expect(JSON.parse(jsonWithImage((marker) => ollamaBody({ ...request, jpeg }, marker), jpeg, '').toString('utf8'))).toEqual(ollamaBody({ ...request, jpeg }));
  });

  it('reads the server’s own words from either error shape', () => {
    expect(serverMessage('{"error":{"message":"model not found"}}')).toBe('model not found');
    expect(serverMessage('{"error":"model \\"x\\" does not support images"}')).toBe('model "x" does not support images');
    expect(serverMessage('Bad Gateway')).toBe('Bad Gateway');
    expect(serverMessage('')).toBe('(no message)');
  });

  it('fills a template once: a value holding a placeholder is not filled again', () => {
    const values = { tags: '1girl, {name}', name: 'img_001', folder: 'set/a', trigger: 'ohwx' };
    expect(fillTemplate('{trigger}: {name} in {folder} [{tags}] {unknown}', values)).toBe('ohwx: img_001 in set/a [1girl, {name}] {unknown}');
  });
});
