import { describe, expect, it } from 'vitest';
import { checkKey, defaultForm, errorSummary, type ExportForm, formToOptions, withTarget } from '../../../src-renderer/features/export/export-form';

const session = { root: '/data/fruit', datasetDir: '/data/fruit', name: 'fruit', triggerWord: 'frt' };
const form = (over: Partial<ExportForm> = {}): ExportForm => ({ ...defaultForm(session), ...over });
const options = (f: ExportForm) => {
  const result = formToOptions(f, session);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.options;
};
const errors = (f: ExportForm) => {
  const result = formToOptions(f, session);
  return result.ok ? {} : result.errors;
};

describe('export form', () => {
  it('starts as a Civitai zip beside the dataset, with the session trigger and metadata stripped', () => {
    expect(options(form())).toEqual({
      target: 'civitai',
      out: { kind: 'zip', path: '/data/fruit-civitai.zip' },
      trigger: 'frt',
      maxSide: null,
      format: 'keep',
      jpgQuality: 95,
      keepMetadata: false,
      background: '#ffffff',
      rename: 'keep',
      kohya: { repeats: 10, name: 'dataset', writeToml: true, resolution: 1024, minBucket: 256, maxBucket: 1024, bucketStep: 64 },
      aiToolkitTriggerPlaceholder: false,
    });
  });

  it('follows the target with the path until the user chose one', () => {
    const kohya = withTarget(form(), 'kohya', session);
    expect(kohya.outPath).toBe('/data/fruit-kohya');
    expect(options(kohya).out).toEqual({ kind: 'folder', path: '/data/fruit-kohya' });
    const chosen = withTarget(form({ outPath: '/elsewhere/set.zip', outPathEdited: true }), 'ai-toolkit', session);
    expect(chosen.outPath).toBe('/elsewhere/set.zip');
    // a default name moved to another folder keeps the folder and follows the target
    const moved = withTarget(form({ outPath: '/elsewhere/fruit-civitai.zip', outPathEdited: true }), 'kohya', session);
    expect(moved.outPath).toBe('/elsewhere/fruit-kohya');
  });

  it('offers Civitai exactly 2048 and other targets the size typed', () => {
    expect(options(form({ limitSide: true, maxSide: '999' })).maxSide).toBe(2048);
    expect(options(form({ target: 'kohya', limitSide: true, maxSide: '1536' })).maxSide).toBe(1536);
    expect(errors(form({ target: 'kohya', limitSide: true, maxSide: '12' })).maxSide).toBe('at least 64');
    expect(errors(form({ target: 'kohya', limitSide: true, maxSide: '' })).maxSide).toBe('a whole number');
  });

  it('refuses relative paths and paths inside the dataset beside the field', () => {
    expect(errors(form({ outPath: 'fruit.zip' })).out).toMatch(/full path/);
    expect(errors(form({ outPath: '/data/fruit/out.zip' })).out).toMatch(/outside the dataset folder/);
  });

  it('puts an import session beside the folder it imports from, and refuses a path inside that folder', () => {
    const imported = { root: '/data/fruit', datasetDir: '/data/fruit/output', name: 'fruit', triggerWord: null };
    const start = defaultForm(imported);
    expect(start.outPath).toBe('/data/fruit-civitai.zip');
    expect(withTarget(start, 'ai-toolkit', imported).outPath).toBe('/data/fruit-ai-toolkit');
    const refused = formToOptions({ ...start, outPath: '/data/fruit/fruit-ai-toolkit' }, imported);
    expect(refused.ok ? null : refused.errors.out).toMatch(/outside the folder the images are imported from/);
    expect(formToOptions(start, imported).ok).toBe(true);
  });

  it('sends kohya settings only for kohya, and reports its rules across fields', () => {
    const k = defaultForm(session).kohya;
    expect(options(form({ target: 'kohya', kohya: { ...k, repeats: '3', name: 'fruit' } })).kohya).toMatchObject({ repeats: 3, name: 'fruit' });
    // a half-typed kohya value does not block a Civitai export, whose fields do not show it
    expect(formToOptions(form({ kohya: { ...k, repeats: '' } }), session).ok).toBe(true);
    expect(errors(form({ target: 'kohya', kohya: { ...k, minBucket: '250' } })).kohya).toMatch(/multiples/);
    expect(errorSummary(errors(form({ target: 'kohya', kohya: { ...k, minBucket: '250' } })))).toMatch(/^Buckets: bucket sizes/);
    expect(errorSummary(errors(form({ target: 'kohya', kohya: { ...k, repeats: '0' } })))).toBe('Repeats: at least 1');
    expect(errorSummary({})).toBeNull();
    expect(errors(form({ target: 'kohya', kohya: { ...k, name: 'a/b' } }))['kohya.name']).toMatch(/single folder name/);
  });

  it('reads quality wherever a jpg or webp may be re-encoded, not for png', () => {
    expect(formToOptions(form({ format: 'png', quality: '' }), session).ok).toBe(true);
    expect(errors(form({ format: 'keep', quality: '101' })).jpgQuality).toBe('at most 100');
    expect(options(form({ format: 'keep', quality: '70' })).jpgQuality).toBe(70);
    expect(errors(form({ format: 'jpg', quality: '101' })).jpgQuality).toBe('at most 100');
    expect(options(form({ format: 'webp', quality: '80' })).jpgQuality).toBe(80);
  });

  it('writes [trigger] only for ai-toolkit, and an empty trigger as none', () => {
    expect(options(form({ aiToolkitTriggerPlaceholder: true })).aiToolkitTriggerPlaceholder).toBe(false);
    expect(options(form({ target: 'ai-toolkit', aiToolkitTriggerPlaceholder: true })).aiToolkitTriggerPlaceholder).toBe(true);
    expect(options(form({ trigger: '   ' })).trigger).toBeNull();
  });

  it('makes a report stale when an option changes, but not when only the destination does', () => {
    const base = checkKey(options(form()));
    expect(checkKey(options(form({ outPath: '/other/x.zip' })))).toBe(base);
    expect(checkKey(options(form({ trigger: 'other' })))).not.toBe(base);
    expect(checkKey(options(form({ target: 'kohya' })))).not.toBe(base);
  });
});
