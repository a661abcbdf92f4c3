import type { CheckReport } from '../../../src-shared/contract/export';
import { showReportImages } from '../../actions/export';
import { bucketBars } from './report-reading';

/**
 * The kohya aspect buckets the images train in, one bar per bucket. Buckets
 * holding only a few images train with tiny batches, which shows here first.
 */
export function ExportBucketHistogram({ buckets }: { buckets: CheckReport['buckets'] }) {
  const bars = bucketBars(buckets.counts);
  if (bars.length === 0) return null;
  return (
    <section className="export-buckets" data-testid="export-buckets">
      <h3>
        kohya buckets <span className="muted">at {buckets.resolution} px, step {buckets.step}</span>
      </h3>
      <ol className="export-bucket-list">
        {bars.map((bar) => (
          <li key={bar.label} className="export-bucket" data-testid="export-bucket" data-bucket={bar.label}>
            <button
              type="button"
              className="link-button export-bucket-label"
              title="Show the images in this bucket"
              onClick={() => showReportImages(bar.imageIds, `Bucket ${bar.label}`)}
            >
              {bar.label}
            </button>
            <span className="export-bucket-track" aria-hidden="true">
              {/* width through the CSSOM (React's style prop), which the page's CSP allows */}
              <span className="export-bucket-bar" style={{ width: `${bar.share * 100}%` }} />
            </span>
            <span className="export-bucket-count">{bar.count.toLocaleString('en-US')}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
