import { round } from './measure/stats';
import { sideBySideTargets } from './side-by-side';

export interface Target {
  key: string;
  label: string;
  unit: string;
  /** met when the figure is at or below (max) or at or above (min) this */
  max?: number;
  min?: number;
  /** met when the figure is at or below this (the "≤") */
  atMost?: number;
  /** where the target applies: the targets are for 10,000 images */
  note?: string;
}

/** the targets at 10,000 images on two cores, and the other figures worth a line */
const ROWS: Target[] = [
  { key: 'firstOpenMs', label: 'first open (listed, captions indexed)', unit: 'ms', max: 2000 },
  { key: 'firstOpenCpuMs', label: '  main thread on a core', unit: 'ms' },
  { key: 'firstOpenQueuedMs', label: '  main thread waiting for a core', unit: 'ms' },
  { key: 'reopenMs', label: 'reopen', unit: 'ms', max: 500 },
  { key: 'reopenCpuMs', label: '  main thread on a core', unit: 'ms' },
  { key: 'reopenQueuedMs', label: '  main thread waiting for a core', unit: 'ms' },
  { key: 'reopenCheckedMs', label: '  until checked against the folder (background)', unit: 'ms' },
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
  { key: 'captionPerSec', label: 'captions with an instant server, concurrency 8 (1024×768 JPEGs)', unit: '/s', min: 200 },
  { key: 'captionMainCpuMsPerImage', label: '  main thread on a core, per image', unit: 'ms' },
  { key: 'captionMainQueuedMsPerImage', label: '  main thread waiting for a core, per image', unit: 'ms' },
  { key: 'captionResizedPerSec', label: '  2048×1536 JPEGs, downscaled to 1024 first', unit: '/s' },
  { key: 'captionResizedMainCpuMsPerImage', label: '  main thread on a core, per image', unit: 'ms' },
  { key: 'editP50Ms', label: 'edit to durable, p50', unit: 'ms' },
  { key: 'editP99Ms', label: 'edit to durable, p99', unit: 'ms', max: 10 },
  { key: 'floorP50Ms', label: '  the disk\'s floor: one atomic write, p50', unit: 'ms' },
  { key: 'floorP99Ms', label: '  the disk\'s floor: one atomic write, p99', unit: 'ms' },
  { key: 'filterMs', label: 'tag filter, whole dataset', unit: 'ms', max: 50 },
  { key: 'filterComplexMs', label: '  a query with wildcards, OR, NOT', unit: 'ms' },
  { key: 'filterIndexMs', label: '  building the filter index', unit: 'ms' },
  { key: 'filterAfterReopenMs', label: '  the first query, asked as a reopen answers', unit: 'ms' },
  { key: 'builtPeakRssMb', label: 'peak RSS of the built app (out/main serve): open, list, filter, tag list, reopen', unit: 'MB', max: 400 },
  { key: 'builtFirstOpenMs', label: '  its first open, over its WebSocket', unit: 'ms' },
  { key: 'builtReopenMs', label: '  its reopen, over its WebSocket', unit: 'ms' },
  { key: 'peakRssMb', label: 'peak RSS of a run\'s process, from source: tsx in every thread (median)', unit: 'MB', max: 400 },
  { key: 'worstPeakRssMb', label: '  highest of all runs', unit: 'MB' },
  { key: 'baselineRssMb', label: '  of which before any folder (Node, tsx, modules)', unit: 'MB' },
  { key: 'liveHeapMb', label: '  JS heap still reachable at the end (after a full GC)', unit: 'MB' },
  { key: 'maxStallMs', label: 'longest event-loop stall (median of runs)', unit: 'ms', max: 50 },
  { key: 'worstStallMs', label: '  worst of all runs', unit: 'ms' },
  { key: 'maxOwnStallMs', label: '  less time the OS ran other processes', unit: 'ms' },
  { key: 'maxGcPauseMs', label: '  longest GC pause of the main thread (harness time too)', unit: 'ms' },
  { key: 'loadAverage', label: 'machine load average at the end (1 min)', unit: '' },
];

/** ROWS with the side-by-side rows for a folder of `images`, whose targets depend on its size */
export function rowsFor(images: number): Target[] {
  const t = sideBySideTargets(images);
  const at = `(targets for ${t.forImages.toLocaleString('en')} images)`;
  const sideBySide: Target[] = [
    { key: 'tagguiFirstRatio', label: `first open ÷ TagGUI's folder load ${at}`, unit: '×', atMost: t.tagguiFirst },
    { key: 'tagguiReopenRatio', label: "reopen ÷ TagGUI's folder load", unit: '×', atMost: t.tagguiReopen },
    { key: 'builtTagguiFirstRatio', label: "  the same, the built app's cold first open (see built)", unit: '×', atMost: t.tagguiFirst },
    { key: 'builtTagguiReopenRatio', label: "  the built app's reopen ÷ TagGUI's load", unit: '×', atMost: t.tagguiReopen },
    { key: 'tagguiFirstMs', label: "  TagGUI's load_directory, fresh process", unit: 'ms' },
    { key: 'tagguiReopenMs', label: "  TagGUI's load_directory again, fresh process", unit: 'ms' },
    { key: 'seedRatio', label: "import-open ÷ civitai-tagger's import (72 wallpapers), from source", unit: '×', atMost: t.seed },
    { key: 'seedOursMs', label: '  ours: first open, "Import copies", app started 3 s before', unit: 'ms' },
    { key: 'seedBuiltRatio', label: "  the same, the built app (out/main serve, over its WebSocket)", unit: '×', atMost: t.seed },
    { key: 'seedBuiltMs', label: '  ours built: first open, "Import copies", app serving 3 s before', unit: 'ms' },
    { key: 'seedImportMs', label: '  civitai-tagger: verify, copy, empty .txt', unit: 'ms' },
  ];
  const rows = ROWS.map((row) => (row.key === 'reopenMs' && t.reopenMs !== null ? { ...row, atMost: t.reopenMs } : row));
  const at2 = rows.findIndex((row) => row.key === 'listMs');
  return [...rows.slice(0, at2), ...sideBySide, ...rows.slice(at2)];
}

/** met, missed or no target, for a row's figure */
function verdict(row: Target, v: number): boolean | null {
  if (row.atMost !== undefined) return v <= row.atMost;
  if (row.max !== undefined) return v < row.max;
  if (row.min !== undefined) return v >= row.min;
  return null;
}

const targetText = (row: Target): string =>
  row.atMost !== undefined ? `≤ ${row.atMost} ${row.unit}` : row.max !== undefined ? `< ${row.max} ${row.unit}` : row.min !== undefined ? `≥ ${row.min}${row.unit}` : '';

/** every measured figure that has a target, with the target and whether it was met: for --json */
export function targetVerdicts(figures: Record<string, number>): Record<string, { target: string; met: boolean }> {
  const out: Record<string, { target: string; met: boolean }> = {};
  for (const row of rowsFor(figures.images ?? 0)) {
    const v = figures[row.key];
    const met = v === undefined || Number.isNaN(v) ? null : verdict(row, v);
    if (met !== null) out[row.key] = { target: targetText(row), met };
  }
  return out;
}

export function printTable(figures: Record<string, number>, phaseStalls: Record<string, number[]>, log: (s: string) => void): void {
  const lines: string[][] = [['figure', 'value', 'target', '']];
  for (const row of rowsFor(figures.images ?? 0)) {
    const v = figures[row.key];
    if (v === undefined || Number.isNaN(v)) continue;
    const met = verdict(row, v);
    lines.push([row.label, `${format(v)} ${row.unit}`, targetText(row), met === null ? '' : met ? 'ok' : 'MISSED']);
  }
  const widths = [0, 1, 2, 3].map((c) => Math.max(...lines.map((l) => l[c]!.length)));
  for (const l of lines) log(l.map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd());
  log('');
  log('longest stall per phase, each run (ms): ' + Object.entries(phaseStalls).map(([p, s]) => `${p} ${s.map((x) => format(x)).join('/')}`).join(' · '));
}

const format = (v: number): string => (Math.abs(v) >= 100 ? String(Math.round(v)) : String(round(v, v < 1 ? 3 : 1)));
