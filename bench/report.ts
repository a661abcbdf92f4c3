import { round } from './measure/stats';

export interface Target {
  key: string;
  label: string;
  unit: string;
  /** met when the figure is at or below (max) or at or above (min) this */
  max?: number;
  min?: number;
  /** where the target applies: the targets are for 10,000 images */
  note?: string;
}

/** the targets at 10,000 images on two cores, and the other figures worth a line */
export const ROWS: Target[] = [
  { key: 'firstOpenMs', label: 'first open (listed, captions indexed)', unit: 'ms', max: 2000 },
  { key: 'firstOpenCpuMs', label: '  main thread on a core', unit: 'ms' },
  { key: 'firstOpenQueuedMs', label: '  main thread waiting for a core', unit: 'ms' },
  { key: 'reopenMs', label: 'reopen', unit: 'ms', max: 500 },
  { key: 'reopenCpuMs', label: '  main thread on a core', unit: 'ms' },
  { key: 'reopenQueuedMs', label: '  main thread waiting for a core', unit: 'ms' },
  { key: 'listMs', label: 'images.list (whole list, in pages)', unit: 'ms' },
  { key: 'listPageJsonMs', label: '  JSON of its largest page (serve transport)', unit: 'ms' },
  { key: 'importVsCp', label: 'import ÷ cp -r (throughput)', unit: '×', min: 0.7 },
  { key: 'importMs', label: '  import job', unit: 'ms' },
  { key: 'cpMs', label: '  cp -r', unit: 'ms' },
  { key: 'thumbsVsVips', label: 'thumbnails ÷ vipsthumbnail (throughput)', unit: '×', min: 0.8 },
  { key: 'thumbsPerSec', label: '  ours', unit: '/s' },
  { key: 'vipsPerSec', label: '  vipsthumbnail', unit: '/s' },
  { key: 'thumbsRecheckMs', label: '  job again, all cached (reopen)', unit: 'ms' },
  { key: 'visibleThumbMs', label: '  a visible thumbnail during the job', unit: 'ms' },
  { key: 'autotagVsPython', label: 'auto-tag ÷ Python reference (throughput)', unit: '×', min: 0.9 },
  { key: 'autotagPerSec', label: '  ours', unit: '/s' },
  { key: 'autotagPythonPerSec', label: '  onnxruntime + Pillow in Python', unit: '/s' },
  { key: 'autotagWorkerMb', label: '  tagger worker\'s memory (process RSS above its start)', unit: 'MB' },
  { key: 'autotagPythonPeakMb', label: '  Python process peak RSS', unit: 'MB' },
  { key: 'autotagPythonPreprocessShare', label: '  share of Python\'s time in Pillow pre-processing', unit: '' },
  { key: 'editP50Ms', label: 'edit to durable, p50', unit: 'ms' },
  { key: 'editP99Ms', label: 'edit to durable, p99', unit: 'ms', max: 10 },
  { key: 'floorP50Ms', label: '  the disk\'s floor: one atomic write, p50', unit: 'ms' },
  { key: 'floorP99Ms', label: '  the disk\'s floor: one atomic write, p99', unit: 'ms' },
  { key: 'filterMs', label: 'tag filter, whole dataset', unit: 'ms', max: 50 },
  { key: 'filterComplexMs', label: '  a query with wildcards, OR, NOT', unit: 'ms' },
  { key: 'filterIndexMs', label: '  building the filter index', unit: 'ms' },
  { key: 'peakRssMb', label: 'peak RSS of a run\'s process (median)', unit: 'MB', max: 400 },
  { key: 'worstPeakRssMb', label: '  highest of all runs', unit: 'MB' },
  { key: 'baselineRssMb', label: '  of which before any folder (Node, tsx, modules)', unit: 'MB' },
  { key: 'liveHeapMb', label: '  JS heap still reachable at the end (after a full GC)', unit: 'MB' },
  { key: 'maxStallMs', label: 'longest event-loop stall (median of runs)', unit: 'ms', max: 50 },
  { key: 'worstStallMs', label: '  worst of all runs', unit: 'ms' },
  { key: 'maxOwnStallMs', label: '  less time the OS ran other processes', unit: 'ms' },
  { key: 'maxGcPauseMs', label: '  longest GC pause of the main thread (harness time too)', unit: 'ms' },
  { key: 'loadAverage', label: 'machine load average at the end (1 min)', unit: '' },
];

export function printTable(figures: Record<string, number>, phaseStalls: Record<string, number[]>, log: (s: string) => void): void {
  const lines: string[][] = [['figure', 'value', 'target', '']];
  for (const row of ROWS) {
    const v = figures[row.key];
    if (v === undefined || Number.isNaN(v)) continue;
    const target = row.max !== undefined ? `< ${row.max} ${row.unit}` : row.min !== undefined ? `≥ ${row.min}${row.unit}` : '';
    const met = row.max !== undefined ? v < row.max : row.min !== undefined ? v >= row.min : null;
    lines.push([row.label, `${format(v)} ${row.unit}`, target, met === null ? '' : met ? 'ok' : 'MISSED']);
  }
  const widths = [0, 1, 2, 3].map((c) => Math.max(...lines.map((l) => l[c]!.length)));
  for (const l of lines) log(l.map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd());
  log('');
  log('longest stall per phase, each run (ms): ' + Object.entries(phaseStalls).map(([p, s]) => `${p} ${s.map((x) => format(x)).join('/')}`).join(' · '));
}

const format = (v: number): string => (Math.abs(v) >= 100 ? String(Math.round(v)) : String(round(v, v < 1 ? 3 : 1)));
