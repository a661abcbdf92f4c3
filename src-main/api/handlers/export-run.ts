import { runExport, runningExportsDir } from '../../core/export';
import { exportSources } from '../../core/session/export-sources';
import type { Handler } from '../handler';

export const exportRun: Handler<'export.run'> = async (options, { workspace, exportPool }) => {
  const session = workspace.requireSession();
  await workspace.checkExportPath(options.out.path);
  await session.whenIdle(); // every queued caption write is on disk before we copy captions out
  const settings = session.settingsNow();
  return workspace.jobs.run('export', 'Exporting', (job) =>
    runExport(exportPool, exportSources(session), settings.captionMode, options, {
      signal: job.signal,
      onProgress: job.progress,
      recordsDir: runningExportsDir(workspace.options.userDataDir),
      importSource: settings.mode === 'import' ? settings.root : null,
    }),
  );
};
