import { KNOWN_TAGGER_MODELS } from './catalog';
import { hasPartial, isInstalled, listInstalled, modelsDir, type InstalledModel } from './models-folder';

export interface KnownModelState {
  repo: string;
  label: string;
  approxSize: string | null;
  state: 'installed' | 'partial' | 'absent';
}

/** what the model picker shows: the catalog with each model's state, and every model ready to run */
export async function taggerModelList(userDataDir: string): Promise<{ modelsDir: string; known: KnownModelState[]; installed: InstalledModel[] }> {
  const dir = modelsDir(userDataDir);
  const known = await Promise.all(
    KNOWN_TAGGER_MODELS.map(async (m): Promise<KnownModelState> => ({
      repo: m.repo,
      label: m.label,
      approxSize: m.approxSize ?? null,
      state: (await isInstalled(dir, m.repo)) ? 'installed' : (await hasPartial(dir, m.repo)) ? 'partial' : 'absent',
    })),
  );
  return { modelsDir: dir, known, installed: await listInstalled(dir) };
}
