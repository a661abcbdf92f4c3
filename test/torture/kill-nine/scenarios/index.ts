import type { KillScenario } from '../scenario';
import { autotagApply } from './autotag-apply';
import { batchEdit } from './batch-edit';
import { exportFolder, exportZip } from './export-dataset';
import { importImages } from './import-images';
import { thumbnails } from './thumbnails';
import { undoBatch } from './undo-batch';

/** every kind of work the kill -9 harness cuts short, besides single caption edits (run-kill-nine.ts) */
export const SCENARIOS: readonly KillScenario[] = [batchEdit, undoBatch, importImages, exportZip, exportFolder, thumbnails, autotagApply];
