import type { ExportSkip, SkippedFile } from '../../../src-shared/contract';

/** the line the host prints its report on, after whatever else the app printed */
export const REPORT_PREFIX = 'BAD-FILES-REPORT ';

/** what became of one image the session listed */
export interface ImageOutcome {
  id: number;
  /** relative to the dataset folder */
  name: string;
  /** of the file the session lists (an import's copy): traces it back to its original */
  sha1: string | null;
  size: string | null;
  /** 'ok', or the status and message the image route answered */
  thumb: string;
  preview: string;
  /** how it was read: encoding, BOM, line ending, length; or why not */
  caption: string;
  /** null: not edited (its caption must keep its bytes) */
  edit: string | null;
  /** the caption file an edit that went through wrote, relative to the dataset folder */
  editedCaption?: string;
}

export interface HostReport {
  mode: 'import' | 'in-place';
  /** 'ok', or the error code and message the open answered */
  open: string | null;
  datasetDir: string | null;
  skipped: SkippedFile[];
  images: ImageOutcome[];
  export: { written: number; skipped: ExportSkip[]; notes: string[] } | string | null;
  check: string[];
  /** calls that threw, hung, or rejections nobody handled */
  problems: string[];
}
