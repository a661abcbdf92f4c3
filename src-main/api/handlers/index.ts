import type { HandlerMap } from '../handler';
import { appInfo } from './app-info';
import { captionResolveConflict } from './caption-resolve-conflict';
import { captionSetTags } from './caption-set-tags';
import { captionSetText } from './caption-set-text';
import { exportCheck } from './export-check';
import { exportRun } from './export-run';
import { folderPick } from './folder-pick';
import { folderProbe } from './folder-probe';
import { imageGet } from './image-get';
import { imageSetSkip } from './image-set-skip';
import { imagesList } from './images-list';
import { jobsCancel } from './jobs-cancel';
import { recentRemove } from './recent-remove';
import { sessionClose } from './session-close';
import { sessionCurrent } from './session-current';
import { sessionGoto } from './session-goto';
import { sessionOpen } from './session-open';
import { sessionSave } from './session-save';
import { tagsList } from './tags-list';
import { tagsRecent } from './tags-recent';
import { tagsSuggest } from './tags-suggest';

/** Every contract channel has exactly one handler: the type makes a missing one a compile error. */
export const handlers: HandlerMap = {
  'app.info': appInfo,
  'folder.pick': folderPick,
  'folder.probe': folderProbe,
  'recent.remove': recentRemove,
  'session.open': sessionOpen,
  'session.current': sessionCurrent,
  'session.close': sessionClose,
  'session.save': sessionSave,
  'session.goto': sessionGoto,
  'jobs.cancel': jobsCancel,
  'images.list': imagesList,
  'image.get': imageGet,
  'image.setSkip': imageSetSkip,
  'caption.setTags': captionSetTags,
  'caption.setText': captionSetText,
  'caption.resolveConflict': captionResolveConflict,
  'tags.list': tagsList,
  'tags.recent': tagsRecent,
  'tags.suggest': tagsSuggest,
  'export.check': exportCheck,
  'export.run': exportRun,
};
