import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract/index';
import { setGhosts, useAutotagStore } from '../../stores/autotag-store';
import { call } from '../../transport/api';

type Origin = ChannelOutput<'autotag.provenance'>['tags'][number];
/** a model's tag on the image: which model and how sure; a person's tags are not in the map */
export type ModelOrigins = ReadonlyMap<string, Origin>;

const NO_ORIGINS: ModelOrigins = new Map();

/**
 * What the model layer says about the image on screen, asked again whenever
 * its caption changes (an edit, an undo) or the labels do (an apply, a
 * rejection): its ghost suggestions, into the store the chips and the tag
 * input read, and where each of its tags came from. A dataset never tagged by
 * a model answers with nothing to show; so does a main that cannot tell.
 */
export function useImageLabels(imageId: number | null, revision: number | null): ModelOrigins {
  const version = useAutotagStore((s) => s.labelsVersion);
  const [origins, setOrigins] = useState<{ imageId: number; map: ModelOrigins } | null>(null);

  useEffect(() => {
    if (imageId === null || revision === null) return;
    let live = true;
    void call('autotag.suggestions', { imageId }).then((result) => {
      if (live) setGhosts(result.ok ? { imageId, ...result.value } : null);
    });
    void call('autotag.provenance', { imageId }).then((result) => {
      if (!live) return;
      const map = new Map(result.ok ? result.value.tags.filter((t) => t.source === 'model').map((t) => [t.tag, t] as const) : []);
      setOrigins({ imageId, map });
    });
    return () => {
      live = false;
    };
  }, [imageId, revision, version]);

  return origins && origins.imageId === imageId ? origins.map : NO_ORIGINS;
}
