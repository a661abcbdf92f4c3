import type { HandlerMap } from '../handler';
import { appInfo } from './app-info';
import { autotagApply } from './autotag-apply';
import { autotagHistogram } from './autotag-histogram';
import { autotagPreview } from './autotag-preview';
import { autotagProvenance } from './autotag-provenance';
import { autotagReject } from './autotag-reject';
import { autotagReview } from './autotag-review';
import { autotagRun } from './autotag-run';
import { autotagRuns } from './autotag-runs';
import { autotagSettle } from './autotag-settle';
import { autotagSuggestions } from './autotag-suggestions';
import { batchApply } from './batch-apply';
import { captionerHandlers } from './captioner-handlers';
import { batchPreview } from './batch-preview';
import { captionResolveConflict } from './caption-resolve-conflict';
import { captionSetTags } from './caption-set-tags';
import { captionSetText } from './caption-set-text';
import { exportCheck } from './export-check';
import { exportRun } from './export-run';
import { folderPick } from './folder-pick';
import { folderProbe } from './folder-probe';
import { historyRedo } from './history-redo';
import { historyState } from './history-state';
import { historyUndo } from './history-undo';
import { imageGet } from './image-get';
import { imageSetSkip } from './image-set-skip';
import { imagesFilter } from './images-filter';
import { imagesList } from './images-list';
import { jobsCancel } from './jobs-cancel';
import { recentRemove } from './recent-remove';
import { selectionSummary } from './selection-summary';
import { sessionClose } from './session-close';
import { sessionCurrent } from './session-current';
import { sessionGoto } from './session-goto';
import { sessionOpen } from './session-open';
import { sessionSave } from './session-save';
import { settingsSet } from './settings-set';
import { tagsComplete } from './tags-complete';
import { tagsList } from './tags-list';
import { tagsRecent } from './tags-recent';
import { tagsSuggest } from './tags-suggest';
import { taggerModelsAddFolder } from './tagger-models-add-folder';
import { taggerModelsDownload } from './tagger-models-download';
import { taggerModelsList } from './tagger-models-list';
import { tokensCount } from './tokens-count';
import { tokensSetT5 } from './tokens-set-t5';
import { vocabImport } from './vocab-import';
import { vocabLists } from './vocab-lists';
import { vocabRemove } from './vocab-remove';

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
  'images.filter': imagesFilter,
  'selection.summary': selectionSummary,
  'batch.preview': batchPreview,
  'batch.apply': batchApply,
  'history.state': historyState,
  'history.undo': historyUndo,
  'history.redo': historyRedo,
  'settings.set': settingsSet,
  'tags.complete': tagsComplete,
  'vocab.import': vocabImport,
  'vocab.lists': vocabLists,
  'vocab.remove': vocabRemove,
  'tokens.count': tokensCount,
  'tokens.setT5': tokensSetT5,
  'taggerModels.list': taggerModelsList,
  'taggerModels.download': taggerModelsDownload,
  'taggerModels.addFolder': taggerModelsAddFolder,
  'autotag.run': autotagRun,
  'autotag.runs': autotagRuns,
  'autotag.apply': autotagApply,
  'autotag.preview': autotagPreview,
  'autotag.histogram': autotagHistogram,
  'autotag.suggestions': autotagSuggestions,
  'autotag.reject': autotagReject,
  'autotag.provenance': autotagProvenance,
  'autotag.review': autotagReview,
  'autotag.settle': autotagSettle,
  ...captionerHandlers,
};
