/**
 * onnxruntime's own default is a thread per core, which leaves none for the
 * main loop, the index thread or the decoding of the next batch: the app
 * stutters while a model runs. One core is left free unless the caller
 * names a count.
 */
export function defaultTaggerThreads(cores: number): number {
  return Math.max(1, Math.floor(cores) - 1);
}
