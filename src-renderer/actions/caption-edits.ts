import type { ImageDetail } from '../../src-shared/contract';
import type { AppErrorData, Result } from '../../src-shared/result';
import { addTags, removeTag, sameTags, toggleTag } from '../features/captions/tag-edits';
import { moveTagWithin } from '../features/captions/tag-order';
import { acceptDetail, setDuplicates, useCaptionStore } from '../stores/caption-store';
import { updateRowFromDetail, useImagesStore } from '../stores/images-store';
import { refreshRecentTags } from '../stores/tags-store';
import { showToast } from '../stores/ui-store';
import { call } from '../transport/api';

/**
 * Edits run one at a time, in the order they were made. Each names the revision
 * it starts from, so two quick edits must not both start from the same one: the
 * second waits for the first's answer and builds on the detail it returned.
 */
let queue: Promise<void> = Promise.resolve();
let waiting = 0;

/** the newest detail seen for images with edits in flight, so an edit made just before navigating still applies */
const latest = new Map<number, ImageDetail>();

function enqueue(task: () => Promise<void>): Promise<void> {
  waiting += 1;
  const run = async () => {
    try {
      await task();
    } catch (error) {
      showToast(`Edit failed: ${String(error)}`, 'error');
    } finally {
      waiting -= 1;
      if (waiting === 0) latest.clear();
    }
  };
  queue = queue.then(run);
  return queue;
}

/** resolves once every edit made so far has been answered: undo waits for it, so it never overtakes an edit */
export const whenEditsSettled = (): Promise<void> => queue;

function newest(id: number): ImageDetail | null {
  const shown = useCaptionStore.getState().detail;
  const known = latest.get(id) ?? null;
  if (shown?.id !== id) return known;
  return known && known.caption.revision > shown.caption.revision ? known : shown;
}

/** the image an edit applies to; one typed while it was still loading asks main for it */
async function detailFor(id: number, context: string): Promise<ImageDetail | null> {
  const known = newest(id);
  if (known) return known;
  const fresh = await call('image.get', { id });
  if (fresh.ok) return fresh.value;
  reportError(context, fresh.error);
  return null;
}

/** the image on screen, or the one loading to be */
const onScreen = (id: number) => {
  const { detail, loadingId } = useCaptionStore.getState();
  return (detail?.id ?? loadingId) === id;
};

function remember(detail: ImageDetail): void {
  latest.set(detail.id, detail);
  acceptDetail(detail);
  updateRowFromDetail(detail);
}

/**
 * Show what an edit's answer says. On a conflict the file changed under us:
 * fetch what is there now (the detail carries the conflict for the banner);
 * `refused` sees it first, before it is shown.
 */
async function settle(
  id: number,
  result: Result<ImageDetail>,
  context: string,
  refused?: (fresh: ImageDetail) => void,
): Promise<ImageDetail | null> {
  if (result.ok) {
    remember(result.value);
    return result.value;
  }
  if (result.error.code === 'conflict') {
    const fresh = await call('image.get', { id });
    if (fresh.ok) {
      refused?.(fresh.value);
      remember(fresh.value);
    }
    return null;
  }
  reportError(context, result.error);
  return null;
}

const reportError = (context: string, error: AppErrorData) => showToast(`${context}: ${error.message}`, 'error');

export interface TagChange {
  tags: string[];
  duplicates?: string[];
}

/**
 * Change an image's tags by a function of its tags as they are when the edit
 * runs. Main records each accepted edit in its undo history.
 */
export function editTags(id: number, change: (tags: readonly string[]) => TagChange): Promise<boolean> {
  let changed = false;
  const edit = enqueue(async () => {
    const detail = await detailFor(id, 'Could not save the tags');
    if (!detail) return;
    const before = detail.caption.tags;
    const { tags, duplicates = [] } = change(before);
    if (onScreen(id)) setDuplicates(duplicates);
    if (sameTags(tags, before)) return;
    const result = await call('caption.setTags', { id, tags, revision: detail.caption.revision });
    const saved = await settle(id, result, 'Could not save the tags');
    if (!saved) return;
    changed = true;
    void refreshRecentTags();
  });
  // resolves true once main accepted a change, false if there was nothing to do or it was refused
  return edit.then(() => changed);
}

export const addTagsTo = (id: number, wanted: string[]) => editTags(id, (tags) => addTags(tags, wanted));
export const removeTagFrom = (id: number, tag: string) => editTags(id, (tags) => ({ tags: removeTag(tags, tag) }));
/** the last tag as it is when the edit runs, so held-down Backspace removes one per press, not the same one twice */
export const removeLastTag = (id: number) => editTags(id, (tags) => ({ tags: tags.slice(0, -1) }));
export const toggleTagOn = (id: number, tag: string) => editTags(id, (tags) => ({ tags: toggleTag(tags, tag) }));
/**
 * Move a tag (named, not by index: the list may have changed by the time the
 * edit runs) to a position; the trigger word stays first whatever is asked.
 */
export const moveTagTo = (id: number, tag: string, from: number, to: number, trigger: string | null) =>
  editTags(id, (tags) => ({ tags: moveTagWithin(tags, tag, to, trigger, from) }));

/** The caption a text editor's draft was typed over: the text it showed and that text's revision. */
export interface TextBase {
  text: string;
  revision: number;
}

/**
 * A free-text caption (text mode), written as typed. Unlike a tag edit, which
 * is a change applied to the tags as they are when it runs, the draft replaces
 * the whole text: it names the revision it was typed over, so a change made
 * meanwhile (another program, another window) is a conflict in main, never
 * overwritten. `base` moves on as the save is answered, before the answer is
 * shown: to what was saved, so typing that continues builds on it; or, on a
 * conflict that holds the sent text, to that text: it is no longer unsaved.
 */
export const setCaptionText = (id: number, text: string, base: TextBase) =>
  enqueue(async () => {
    if (text === base.text) return;
    const result = await call('caption.setText', { id, text, revision: base.revision });
    if (result.ok) Object.assign(base, { text: result.value.caption.text, revision: result.value.caption.revision });
    await settle(id, result, 'Could not save the caption', (fresh) => {
      // main keeps exactly this text in the conflict (not so when it refused because a conflict was already open)
      if (fresh.conflict?.mineText === text) base.text = text;
    });
  });

export const setSkip = (id: number, skip: boolean) =>
  enqueue(async () => {
    await settle(id, await call('image.setSkip', { id, skip }), 'Could not change the skip mark');
  });

/** Skip or take back, by the mark as it is when the edit runs: pressed twice quickly, the key undoes itself. */
export const toggleSkip = (id: number) =>
  enqueue(async () => {
    const { items, indexById } = useImagesStore.getState();
    const row = items[indexById.get(id) ?? -1];
    if (!row) return;
    const skip = row.status !== 'skip';
    await settle(id, await call('image.setSkip', { id, skip }), 'Could not change the skip mark');
  });

export const resolveConflict = (id: number, keep: 'disk' | 'mine') =>
  enqueue(async () => {
    const saved = await settle(id, await call('caption.resolveConflict', { id, keep }), 'Could not settle the conflict');
    if (saved) void refreshRecentTags();
  });
