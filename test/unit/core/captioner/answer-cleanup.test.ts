import { describe, expect, it } from 'vitest';
import { cleanAnswer } from '../../../../src-main/core/captioner/answer-cleanup';

const clean = (raw: string, options: Partial<Parameters<typeof cleanAnswer>[1]> = {}) => cleanAnswer(raw, { strip: true, startWith: '', json: false, ...options });

describe('a model’s answer to a caption', () => {
  it('drops reasoning blocks, a lone closing tag and a block cut off mid-thought', () => {
    expect(clean('<think>hmm, red.</think>\nA red car.')).toEqual({ ok: true, caption: 'A red car.' });
    expect(clean('the template opened it</think>A red car.')).toEqual({ ok: true, caption: 'A red car.' });
    expect(clean('<think>never finished')).toEqual({ ok: false, reason: 'The model’s answer is empty once cleaned up' });
  });

  it('drops chatter at the start and capitalises what follows', () => {
    expect(clean('This image shows a woman in a red dress.')).toEqual({ ok: true, caption: 'A woman in a red dress.' });
    expect(clean('Sure! Here is a detailed caption: a cat on a sofa')).toEqual({ ok: true, caption: 'A cat on a sofa' });
    expect(clean('In this image, we can see a dog.')).toEqual({ ok: true, caption: 'A dog.' });
    expect(clean('Caption: "a blue door"')).toEqual({ ok: true, caption: 'a blue door' });
    // the rules are off: kept as the model wrote it, on one line
    expect(clean('This image shows\na cat.', { strip: false })).toEqual({ ok: true, caption: 'This image shows a cat.' });
  });

  it('keeps a caption that merely mentions an image, and text as written otherwise', () => {
    expect(clean('An image of a lighthouse, (masterpiece:1.2), snake_case')).toEqual({ ok: true, caption: 'An image of a lighthouse, (masterpiece:1.2), snake_case' });
  });

  it('puts the start-with prefix in front when the model left it out, once', () => {
    expect(clean('A man on a hill.', { startWith: 'ohwx,' })).toEqual({ ok: true, caption: 'ohwx, A man on a hill.' });
    expect(clean('ohwx, a man on a hill.', { startWith: 'ohwx,' })).toEqual({ ok: true, caption: 'ohwx, a man on a hill.' });
  });

  it('takes the caption out of a JSON answer, or says why not', () => {
    expect(clean('```json\n{"caption": "A red car.", "tags": ["car"]}\n```', { json: true })).toEqual({ ok: true, caption: 'A red car.' });
    expect(clean('{"description": {"text": "A boat."}}', { json: true })).toEqual({ ok: true, caption: 'A boat.' });
    expect(clean('A red car.', { json: true })).toEqual({ ok: false, reason: 'A JSON answer was asked for and the model’s answer is not JSON' });
    expect(clean('{"n": 3}', { json: true })).toMatchObject({ ok: false, reason: expect.stringContaining('holds no caption') });
  });

  it('refuses a runaway answer rather than cutting it', () => {
    expect(clean('word '.repeat(5000))).toMatchObject({ ok: false, reason: expect.stringContaining('24,999 characters long, over the 20,000') });
  });
});
