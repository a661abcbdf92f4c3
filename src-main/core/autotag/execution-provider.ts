import type { ExecutionProvider } from './tagger-protocol';

/**
 * Which execution providers to try, in order, on this machine. CPU is
 * always last: the answer says why each faster one was left out, so a
 * fallback to CPU is shown with its reason, never silent.
 */
export interface ProviderPlan {
  candidates: ExecutionProvider[];
  /** the faster providers that were not even tried, and why */
  skipped: string[];
}

const NATIVE: Record<Exclude<ExecutionProvider, 'cpu'>, { platforms: NodeJS.Platform[]; label: string }> = {
  cuda: { platforms: ['linux', 'win32'], label: 'CUDA' },
  dml: { platforms: ['win32'], label: 'DirectML' },
  coreml: { platforms: ['darwin'], label: 'CoreML' },
};

export function planProviders(requested: ExecutionProvider | 'auto', platform: NodeJS.Platform, offered: readonly string[]): ProviderPlan {
  const wanted = requested === 'auto' ? (Object.keys(NATIVE) as Exclude<ExecutionProvider, 'cpu'>[]) : requested === 'cpu' ? [] : [requested];
  const candidates: ExecutionProvider[] = [];
  const skipped: string[] = [];
  for (const name of wanted) {
    const { platforms, label } = NATIVE[name];
    if (!platforms.includes(platform)) {
      // on auto, a provider of another platform is not worth a word
      if (requested !== 'auto') skipped.push(`${label} is not available on ${platform}`);
    } else if (!offered.includes(name)) skipped.push(`${label}: this build of onnxruntime-node does not include it`);
    else candidates.push(name);
  }
  candidates.push('cpu');
  return { candidates, skipped };
}
