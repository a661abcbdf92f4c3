import '../../styles/forms.css';
import './editing-toolbar.css';
import { AutotagButton } from '../autotag/autotag-button';
import { CaptionerButton } from '../captioner/captioner-button';
import { DatasetSettingsButton } from '../dataset-settings/dataset-settings';
import { FilterBar } from './filter-bar';
import { HistoryButtons } from '../history/history-buttons';
import { SelectionButtons } from './selection-buttons';

/** The row above the images: filter, selection, undo and redo, auto-tag, captions, dataset settings. */
export function EditingToolbar() {
  return (
    <div className="editing-toolbar" data-testid="editing-toolbar">
      <FilterBar />
      <SelectionButtons />
      <HistoryButtons />
      <AutotagButton />
      <CaptionerButton />
      <DatasetSettingsButton />
    </div>
  );
}
