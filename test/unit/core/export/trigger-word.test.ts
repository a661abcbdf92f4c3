import { describe, expect, it } from 'vitest';
import { putTriggerFirst, useTriggerPlaceholder } from '../../../../src-main/core/export/trigger-word';

describe('putTriggerFirst, tags', () => {
  it('puts the trigger before the first tag', () => {
    expect(putTriggerFirst('1girl, red hair', 'ohwx', 'tags')).toBe('ohwx, 1girl, red hair');
  });
  it('leaves a caption whose first tag is the trigger as it is, byte for byte', () => {
    expect(putTriggerFirst('ohwx, 1girl', 'ohwx', 'tags')).toBe('ohwx, 1girl');
    expect(putTriggerFirst('  ohwx ,1girl', 'ohwx', 'tags')).toBe('  ohwx ,1girl');
  });
  it('moves a trigger found later to the front instead of doubling it', () => {
    expect(putTriggerFirst('1girl, ohwx, red hair', 'ohwx', 'tags')).toBe('ohwx, 1girl, red hair');
    expect(putTriggerFirst('1girl, ohwx', 'ohwx', 'tags')).toBe('ohwx, 1girl');
  });
  it('does not take a tag that only contains the trigger for it', () => {
    expect(putTriggerFirst('ohwx style, 1girl', 'ohwx', 'tags')).toBe('ohwx, ohwx style, 1girl');
  });
  it('keeps the rest of the caption as written: case, underscores, brackets', () => {
    expect(putTriggerFirst('Long_Hair, (smile:1.2)', 'ohwx', 'tags')).toBe('ohwx, Long_Hair, (smile:1.2)');
  });
});

describe('putTriggerFirst, text', () => {
  it('joins the trigger with a comma, so kohya keeps it as its own first tag', () => {
    expect(putTriggerFirst('a man on a beach', 'ohwx', 'text')).toBe('ohwx, a man on a beach');
    // a text-mode dataset of comma phrases: the trigger is not fused into "cafeteria"
    expect(putTriggerFirst('cafeteria, lunch, from above', 'mnsa', 'text')).toBe('mnsa, cafeteria, lunch, from above');
  });
  it('leaves a caption that starts with the trigger followed by a non-letter', () => {
    expect(putTriggerFirst('ohwx, a man', 'ohwx', 'text')).toBe('ohwx, a man');
    expect(putTriggerFirst('ohwx man on a beach', 'ohwx', 'text')).toBe('ohwx man on a beach');
    expect(putTriggerFirst("ohwx's dog", 'ohwx', 'text')).toBe("ohwx's dog");
    expect(putTriggerFirst('ohwx', 'ohwx', 'text')).toBe('ohwx');
  });
  it('treats a longer word starting with the trigger as another word', () => {
    expect(putTriggerFirst('ohwxyz on a beach', 'ohwx', 'text')).toBe('ohwx, ohwxyz on a beach');
    expect(putTriggerFirst('ohwxé', 'ohwx', 'text')).toBe('ohwx, ohwxé');
  });
});

describe('useTriggerPlaceholder', () => {
  it('replaces the trigger tag with [trigger]', () => {
    expect(useTriggerPlaceholder('1girl, ohwx, smile', 'ohwx', 'tags')).toBe('1girl, [trigger], smile');
  });
  it('puts [trigger] first when the trigger is absent', () => {
    expect(useTriggerPlaceholder('1girl, smile', 'ohwx', 'tags')).toBe('[trigger], 1girl, smile');
    expect(useTriggerPlaceholder('a man on a beach', 'ohwx', 'text')).toBe('[trigger], a man on a beach');
  });
  it('replaces whole-word occurrences in text, not parts of words', () => {
    expect(useTriggerPlaceholder('a photo of ohwx, and ohwx again', 'ohwx', 'text')).toBe(
      'a photo of [trigger], and [trigger] again',
    );
    expect(useTriggerPlaceholder('ohwx2 on a beach', 'ohwx', 'text')).toBe('[trigger], ohwx2 on a beach');
  });
  it('leaves a caption that already has the placeholder', () => {
    expect(useTriggerPlaceholder('[trigger], smile', 'ohwx', 'tags')).toBe('[trigger], smile');
  });
});
