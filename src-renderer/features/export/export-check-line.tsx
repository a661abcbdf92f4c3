import type { CheckLine } from '../../../src-shared/contract/export';
import { showReportImages } from '../../actions/export';
import { groupText, plural, showLabel } from './report-reading';
import { useImagesStore } from '../../stores/images-store';

/** sets of duplicates listed under their line; the rest are a click on the line away */
const GROUPS_SHOWN = 8;

const SEVERITY_TEXT = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/** One finding of the check: how bad, what, and a way to the images it is about. */
export function ExportCheckLine({ line }: { line: CheckLine }) {
  const groups = line.groups ?? [];
  return (
    <li className={`export-line export-line-${line.severity}`} data-testid="export-check-line" data-kind={line.kind} data-severity={line.severity}>
      <span className={`export-severity export-severity-${line.severity}`}>{SEVERITY_TEXT[line.severity]}</span>
      <span className="export-line-message">{line.message}</span>
      <button
        type="button"
        className="link-button export-show"
        data-testid="export-show-images"
        onClick={() => showReportImages(line.imageIds, showLabel(line.message))}
      >
        Show {plural(line.imageIds.length, 'image')}
      </button>
      {groups.length > 0 && <GroupList groups={groups} />}
    </li>
  );
}

function GroupList({ groups }: { groups: readonly number[][] }) {
  const items = useImagesStore((s) => s.items);
  const indexById = useImagesStore((s) => s.indexById);
  const nameOf = (id: number) => {
    const at = indexById.get(id);
    return at === undefined ? undefined : items[at]?.name;
  };
  const rest = groups.length - GROUPS_SHOWN;
  return (
    <ul className="export-groups">
      {groups.slice(0, GROUPS_SHOWN).map((group) => (
        <li key={group.join(',')} data-testid="export-check-group">
          <button
            type="button"
            className="link-button export-group-button"
            title="Show these images"
            onClick={() => showReportImages(group, groupText(group, nameOf))}
          >
            {groupText(group, nameOf)}
          </button>
        </li>
      ))}
      {rest > 0 && <li className="muted">and {plural(rest, 'more set')}: Show images lists them all</li>}
    </ul>
  );
}
