import type { ModelTagScores } from '../query';
import type { DatasetSession } from '../session/dataset-session';
import type { ImageEntry } from '../session/image-entry';
import { heldModelTags, ProvenanceStore } from './provenance-store';

/** each image's model tag scores, as the filter's `source:` and `score:` read them: read from the index when a query asks */
export async function modelTagScores(session: DatasetSession): Promise<(entry: ImageEntry) => ModelTagScores> {
  const rows = await new ProvenanceStore(session.store.index).all();
  return (entry) => heldModelTags(entry.caption.tags, rows.get(entry.row.id)).map((r) => r.score);
}
