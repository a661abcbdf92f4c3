import { IMAGE_LIST_PAGE, type ChannelOutput, type ImageSummary } from './contract';
import type { Result } from './result';

type ListPage = (input: { offset: number; limit: number }) => Promise<Result<ChannelOutput<'images.list'>>>;

/** a list changing this often while it is read (files streaming in) is read again on its next change event */
const MAX_RESTARTS = 5;

/**
 * The whole image list, asked for a page at a time (see IMAGE_LIST_PAGE).
 * When the list changes between two pages (a resync), the pages no longer
 * make one list: start again.
 */
export async function listAllImages(page: ListPage): Promise<Result<ImageSummary[]>> {
  for (let attempt = 0; attempt <= MAX_RESTARTS; attempt++) {
    const items: ImageSummary[] = [];
    let version: number | null = null;
    for (;;) {
      const answer = await page({ offset: items.length, limit: IMAGE_LIST_PAGE });
      if (!answer.ok) return answer;
      const { items: more, total } = answer.value;
      if (version !== null && answer.value.version !== version) break;
      version = answer.value.version;
      for (const item of more) items.push(item);
      if (items.length >= total || more.length === 0) return { ok: true, value: items };
    }
  }
  return { ok: false, error: { code: 'busy', message: 'The image list kept changing while it was read; it is read again on its next change.' } };
}
