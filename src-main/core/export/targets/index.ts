import type { ExportTarget } from '../../../../src-shared/contract/export';
import { aiToolkitTarget } from './ai-toolkit';
import { civitaiTarget } from './civitai';
import { kohyaTarget } from './kohya';
import type { TargetSpec } from './target-spec';

export type { TargetSpec } from './target-spec';

const targets: Record<ExportTarget, TargetSpec> = {
  civitai: civitaiTarget,
  kohya: kohyaTarget,
  'ai-toolkit': aiToolkitTarget,
};

export const targetSpec = (target: ExportTarget): TargetSpec => targets[target];
