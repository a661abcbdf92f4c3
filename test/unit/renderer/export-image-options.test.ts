import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ExportImageOptions } from '../../../src-renderer/features/export/export-image-options';
import { defaultForm, type ExportForm } from '../../../src-renderer/features/export/export-form';

// the real action talks to the app's store and transport, which need a browser
vi.mock('../../../src-renderer/actions/export', () => ({ updateExportForm: () => undefined }));

const shown = (format: ExportForm['format']) => {
  const form: ExportForm = { ...defaultForm({ root: '/data/set', datasetDir: '/data/set', name: 'set', triggerWord: null }, 'kohya'), format };
  return renderToStaticMarkup(createElement(ExportImageOptions, { form, errors: {} }));
};

describe('ExportImageOptions', () => {
  it('shows the quality with Keep, since a resized or turned jpg is re-encoded at it', () => {
    expect(shown('keep')).toContain('data-testid="export-quality"');
    expect(shown('keep')).toContain('value="95"');
    expect(shown('jpg')).toContain('data-testid="export-quality"');
    expect(shown('png')).not.toContain('data-testid="export-quality"');
  });
});
