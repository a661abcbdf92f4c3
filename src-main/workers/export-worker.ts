import sharp from 'sharp';
import type { ExportProtocol } from '../core/export/export-protocol';
import { fingerprintImages } from './export-fingerprint';
import { renderImage } from './export-render';
import { serveRequests } from './worker-protocol';

/**
 * Worker entry for the export and its pre-export check: all of their pixel
 * work runs here, off the main event loop. It serves core/export's
 * ExportProtocol.
 */

// libvips keeps its own cache of open images; each file is read once
sharp.cache(false);

export default serveRequests<ExportProtocol>({
  render: (task) => renderImage(task),
  fingerprint: (task) => fingerprintImages(task),
});
