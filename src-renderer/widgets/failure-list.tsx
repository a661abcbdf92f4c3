/** the first of a list shown; the rest are counted, with where to see them all */
const SHOWN = 50;

/** Each item a job could not do, by name, with its reason: what a user reads after a run that failed on some images. */
export function FailureList({ failures, testId, more = '' }: { failures: readonly { name: string; reason: string }[]; testId: string; more?: string }) {
  if (failures.length === 0) return null;
  return (
    <ul className="failure-list" data-testid={`${testId}s`}>
      {failures.slice(0, SHOWN).map((f) => (
        <li key={f.name} data-testid={testId}>
          <span className="failure-list-name">{f.name}</span> {f.reason}
        </li>
      ))}
      {failures.length > SHOWN && (
        <li className="muted">
          and {(failures.length - SHOWN).toLocaleString('en-US')} more{more ? ` ${more}` : ''}
        </li>
      )}
    </ul>
  );
}
