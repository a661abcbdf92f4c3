import { labelFor } from '../../core/models/catalog';
import { downloadModel, formatBytes, hubEndpoint } from '../../core/models/download-model';
import { modelsDir } from '../../core/models/models-folder';
import { formatDuration } from '../../core/jobs/time-left';
import type { TransferProgress } from '../../core/models/transfer-rate';
import type { Handler } from '../handler';

/** the job's label carries what done/total cannot: the speed and the time left */
const progressLabel = (name: string, p: TransferProgress) => {
  const speed = p.bytesPerSecond > 0 ? `, ${formatBytes(p.bytesPerSecond)}/s` : '';
  const left = p.etaSeconds !== null ? `, about ${formatDuration(p.etaSeconds)} left` : '';
  return `Downloading ${name}${speed}${left}`;
};

/** awaits the job, as export.run does: progress as job events in bytes, cancelled with jobs.cancel */
export const taggerModelsDownload: Handler<'taggerModels.download'> = ({ repo }, { workspace }) => {
  const name = labelFor(repo);
  const endpoint = hubEndpoint();
  return workspace.jobs.run('model-download', `Downloading ${name}`, (job) => {
    let lastUnsized = 0;
    return downloadModel({
      repo,
      modelsDir: modelsDir(workspace.options.userDataDir),
      endpoint,
      signal: job.signal,
      onProgress: (p) => {
        // without a total the job runner cannot tell the last event from the others, so it would send every chunk
        if (p.total === null) {
          if (Date.now() - lastUnsized < 100) return;
          lastUnsized = Date.now();
        }
        job.progress(p.bytes, p.total ?? 0, progressLabel(name, p));
      },
    });
  });
};
