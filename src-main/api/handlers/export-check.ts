import { checkDataset } from '../../core/export';
import { exportSources } from '../../core/session/export-sources';
import { clipTokenizer } from '../../core/tokens/clip-instance';
import type { Handler } from '../handler';

export const exportCheck: Handler<'export.check'> = async (options, { workspace, exportPool }) => {
  const session = workspace.requireSession();
  // the run would refuse it: say so before the user waits for a check
  await workspace.checkExportPath(options.out.path);
  return workspace.jobs.run('check', 'Checking the dataset', (job) => {
    // inside the job: the first check loads the tokenizer after its progress bar is up
    const clip = clipTokenizer();
    return checkDataset(exportPool, exportSources(session), session.info().captionMode, options, {
      clipCount: (text) => clip.count(text),
      signal: job.signal,
      onProgress: job.progress,
    });
  });
};
