import { StallMonitor } from './stall-monitor';

export interface StallLoggerOptions {
  /** stalls longer than this are reported */
  thresholdMs?: number;
  /** how often the histogram is read */
  intervalMs?: number;
  resolutionMs?: number;
  log?: (message: string) => void;
}

/**
 * For development: says in the log, once per interval, when the main event
 * loop was blocked for longer than the threshold (50 ms: three dropped frames
 * and a late IPC answer). Returns the function that stops it.
 */
export function startStallLogger(options: StallLoggerOptions = {}): () => void {
  const { thresholdMs = 50, intervalMs = 1000, resolutionMs = 10, log = (m) => console.warn(m) } = options;
  const monitor = new StallMonitor(resolutionMs).start();
  const timer = setInterval(() => {
    const { maxStallMs } = monitor.figures();
    monitor.reset();
    if (maxStallMs > thresholdMs) log(`[stall] the main event loop was blocked for ${maxStallMs} ms in the last ${intervalMs / 1000} s`);
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    monitor.stop();
  };
}
