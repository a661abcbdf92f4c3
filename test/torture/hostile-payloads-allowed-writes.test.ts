import { describe, expect, it } from 'vitest';
import { datasetWriteAllowed } from './hostile-payloads/allowed-writes';

/** The hostile-payloads harness's judge of writes in the dataset: it must refuse what no channel asked for, and allow what one did. */
describe('which dataset writes a payload answer allows', () => {
  it('a caption written by a channel that writes captions, including the model and captioner ones added since', () => {
    for (const channel of ['caption.setText', 'batch.apply', 'autotag.apply', 'autotag.settle', 'captioner.accept']) {
      expect(datasetWriteAllowed('changed a.txt', channel, { ok: true }, '/set')).toBe(true);
    }
  });
  it('nothing for a payload refused, a channel that writes no caption, an image, or a caption removed by anything but undo and redo', () => {
    expect(datasetWriteAllowed('changed a.txt', 'batch.apply', { ok: false }, '/set')).toBe(false);
    expect(datasetWriteAllowed('changed a.txt', 'autotag.run', { ok: true }, '/set')).toBe(false);
    expect(datasetWriteAllowed('changed a.png', 'captioner.accept', { ok: true }, '/set')).toBe(false);
    expect(datasetWriteAllowed('removed a.txt', 'autotag.apply', { ok: true }, '/set')).toBe(false);
    expect(datasetWriteAllowed('removed a.txt', 'history.undo', { ok: true }, '/set')).toBe(true);
  });
});
