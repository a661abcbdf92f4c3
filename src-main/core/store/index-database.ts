import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CaptionEncoding, HistoryState } from '../../../src-shared/contract';
import { countedLabel } from '../history/step-labels';
import { KeptTagCounts } from './kept-tag-counts';
import { openDatabase, openDatabaseInMemory } from './open-database';

export interface ImageRow {
  id: number;
  relPath: string;
  ord: number;
  size: number;
  mtimeMs: number;
  width: number | null;
  height: number | null;
  format: string | null;
  probed: boolean;
  fingerprint: string | null;
  skip: boolean;
}

export type NewImageRow = Omit<ImageRow, 'id' | 'fingerprint' | 'skip'>;

/** what a header check learns of an image (see ProbeResult) */
export interface ProbedRow {
  id: number;
  width: number;
  height: number;
  format: string;
  size: number;
  mtimeMs: number;
}

export interface CaptionRow {
  imageId: number;
  onDisk: boolean;
  fingerprint: string;
  size: number;
  mtimeMs: number;
  encoding: CaptionEncoding;
  bom: boolean;
  lineEnding: 'none' | 'lf' | 'crlf';
  text: string;
}

/** a caption row for an image not yet given its id */
export type NewCaptionRow = Omit<CaptionRow, 'imageId'>;

export interface InvalidFileRow {
  relPath: string;
  size: number;
  mtimeMs: number;
  reason: string;
}

export interface ImportRow {
  sourceRel: string;
  size: number;
  mtimeMs: number;
  imageRel: string;
  /** false: planned by an import, the copy not yet confirmed (see migration 003) */
  copied: boolean;
}

/** one image an import copied: its planned import confirmed, and the image and its caption row added */
export interface CopyRecord {
  sourceRel: string;
  /** null for a resumed copy found made already: the sync after the import indexes it */
  added: { image: NewImageRow; caption: NewCaptionRow } | null;
}

/**
 * One caption file's part in an undo step: its exact bytes before and after;
 * null means no file. Bytes that crossed a thread are a Uint8Array; main's
 * HistoryLog hands out Buffers over the same memory.
 */
export interface FileChange<Bytes extends Uint8Array = Uint8Array> {
  captionRel: string;
  before: Bytes | null;
  after: Bytes | null;
}

export interface HistoryStep<Bytes extends Uint8Array = Uint8Array> {
  id: number;
  label: string;
  files: FileChange<Bytes>[];
}

/** a step a crash cut short: files recorded before their write, which may or may not have happened */
export interface CutShortStep<Bytes extends Uint8Array = Uint8Array> {
  id: number;
  /** the label up to its count (see batchLabelStem); null: a label without one */
  labelStem: string | null;
  /** each pending file with the bytes its write would have left */
  pending: { captionRel: string; after: Bytes | null }[];
  /** every file of the step, pending or not */
  captionRels: string[];
}

export interface HistoryLimits {
  maxSteps: number;
  /** before + after bytes of every file of every step kept */
  maxBytes: number;
}

/**
 * 1,000 steps is more than anyone walks back through; 256 MB holds a batch
 * over 100,000 typical captions (about 300 bytes each, before and after) with
 * room for the steps around it. The newest step is always kept, however big:
 * a batch that could not be undone is what this log exists to prevent.
 */
export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { maxSteps: 1000, maxBytes: 256 * 1024 * 1024 };

/** a step's first files: written already (a single edit), or about to be (a batch's first chunk) */
export type FirstFiles = { written: FileChange } | { planned: readonly FileChange[] };

/** a tagging model's run, as kept in the index (see migration 005) */
export interface TaggerRunRow {
  id: number;
  modelId: string;
  /** JSON of the run's settings, as its caller wrote them */
  settings: string;
  startedAt: number;
  /** null: cancelled or killed, resumable */
  finishedAt: number | null;
  /** images with scores or a reason */
  images: number;
}

/** one image's result of a run: its packed scores (see packed-scores.ts), or why the model could not read it */
export interface ImageScoresRow {
  imageId: number;
  packed: Uint8Array | null;
  error: string | null;
}

/** a tag a model wrote or suggested (see migration 006) */
export interface ProvenanceRow {
  imageId: number;
  tag: string;
  runId: number;
  score: number;
  category: string;
  /** suggested, not written: the model's once a person accepts it */
  suggested: boolean;
}

/** allProvenance's rows as columns; `tags` is a JSON array of strings */
export interface ProvenanceColumns {
  imageIds: Int32Array;
  runIds: Int32Array;
  scores: Float64Array;
  /** 1: a character tag; 0: a general one */
  character: Uint8Array;
  suggested: Uint8Array;
  tags: string;
}

/**
 * Told of each write to what the filter reads (see FilterIndex), before it
 * is made: the list (images in or out, their order); an image's caption
 * text or skip, or the image gone (its index goes with it). The rows of
 * which tags a model wrote are looked at by their stamp (modelTagsStamp).
 */
export interface RowWatcher {
  listChanged(): void;
  imagesChanged(ids: readonly number[]): void;
}

const UNWATCHED: RowWatcher = { listChanged: () => undefined, imagesChanged: () => undefined };

const EMPTY_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

/**
 * session.sqlite, whole: every read and write of the dataset index and the
 * undo log, each method one statement or one transaction. It runs on the
 * index thread, which holds the only connection (see workers/index-worker.ts);
 * main reaches it through SessionStore and HistoryLog, which send each call
 * as a message. Synchronous on purpose: better-sqlite3 is, and off the main
 * thread a transaction of 100,000 rows blocks nobody but later index calls.
 *
 * Undo steps are ordered by id; the done ones (undone = 0) come before the
 * undone ones (the redo branch), which a new step drops. A file recorded
 * ahead of its write (a batch's) stays pending, out of undo's sight, until
 * its write is confirmed.
 */
export class IndexDatabase {
  private readonly stmt;
  private watcher: RowWatcher = UNWATCHED;
  /** writes to the model tag rows on this connection, counted before each is made: see modelTagsStamp */
  private modelTagWrites = 0;
  private readonly connectionKey = randomUUID();
  /** how many captions carry each tag, kept for a reopen (the folder sync builds them as it reads the list whole) */
  readonly keptTagCounts: KeptTagCounts;

  static open(path: string, limits?: HistoryLimits): IndexDatabase {
    return new IndexDatabase(openDatabase(path), limits);
  }

  /**
   * Loads SQLite's native module, builds the schema and prepares every
   * statement once, on a database in memory, so that a thread started ahead
   * of need makes a folder's new session.sqlite warm.
   */
  static warmUp(): void {
    IndexDatabase.inMemory().close();
  }

  /** a database no folder holds (see warmUp, and the folder sync's warm-up) */
  static inMemory(): IndexDatabase {
    return new IndexDatabase(openDatabaseInMemory());
  }

  constructor(
    private readonly db: Database.Database,
    private readonly limits: HistoryLimits = DEFAULT_HISTORY_LIMITS,
  ) {
    this.keptTagCounts = new KeptTagCounts(db);
    this.stmt = {
      getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      setSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      allImages: db.prepare(`SELECT ${IMAGE_COLUMNS} FROM images ORDER BY ord, id`).raw(true),
      allCaptions: db.prepare(`SELECT ${CAPTION_COLUMNS} FROM captions`).raw(true),
      imageCount: db.prepare<[], number>('SELECT COUNT(*) FROM images').pluck(),
      anyCaption: db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM captions)').pluck(),
      imagesWithCaptions: db
        .prepare<[number, number, number], unknown[]>(
          `SELECT ${columnsOf('i', IMAGE_COLUMNS)}, ${columnsOf('c', CAPTION_COLUMNS)} FROM images i LEFT JOIN captions c ON c.image_id = i.id
           WHERE (i.ord, i.id) > (?, ?) ORDER BY i.ord, i.id LIMIT ?`,
        )
        .raw(true),
      // what the filter reads of each image (see FilterIndex), for a list of ids given as JSON
      filterRows: db
        .prepare<[string], unknown[]>(
          `SELECT i.id, i.rel_path, i.skip, c.text FROM json_each(?) j JOIN images i ON i.id = j.value LEFT JOIN captions c ON c.image_id = i.id`,
        )
        .raw(true),
      listIds: db.prepare<[], number>('SELECT id FROM images ORDER BY ord, id').pluck(),
      insertImage: db.prepare<ImageParams>('INSERT INTO images (rel_path, ord, size, mtime_ms, width, height, format, probed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      deleteImage: db.prepare('DELETE FROM images WHERE id = ?'),
      setOrd: db.prepare('UPDATE images SET ord = ? WHERE id = ?'),
      setFile: db.prepare('UPDATE images SET size = ?, mtime_ms = ?, probed = 0, fingerprint = NULL WHERE id = ?'),
      setProbe: db.prepare('UPDATE images SET width = ?, height = ?, format = ?, size = ?, mtime_ms = ?, probed = 1 WHERE id = ?'),
      setSkip: db.prepare('UPDATE images SET skip = ? WHERE id = ?'),
      setFingerprint: db.prepare('UPDATE images SET fingerprint = ? WHERE id = ?'),
      upsertCaption: db.prepare<CaptionParams>(`INSERT INTO captions (image_id, on_disk, fingerprint, size, mtime_ms, encoding, bom, line_ending, text)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (image_id) DO UPDATE SET on_disk = excluded.on_disk, fingerprint = excluded.fingerprint,
          size = excluded.size, mtime_ms = excluded.mtime_ms, encoding = excluded.encoding, bom = excluded.bom,
          line_ending = excluded.line_ending, text = excluded.text`),
      invalid: db.prepare('SELECT rel_path AS relPath, size, mtime_ms AS mtimeMs, reason FROM invalid_files ORDER BY rel_path'),
      removeInvalid: db.prepare('DELETE FROM invalid_files WHERE rel_path = ?'),
      insertInvalid: db.prepare('INSERT OR REPLACE INTO invalid_files (rel_path, size, mtime_ms, reason) VALUES (?, ?, ?, ?)'),
      imports: db.prepare('SELECT source_rel AS sourceRel, size, mtime_ms AS mtimeMs, image_rel AS imageRel, copied FROM imports'),
      insertImport: db.prepare('INSERT OR REPLACE INTO imports (source_rel, size, mtime_ms, image_rel, copied) VALUES (?, ?, ?, ?, ?)'),
      confirmImport: db.prepare('UPDATE imports SET copied = 1 WHERE source_rel = ?'),
      dropImport: db.prepare('DELETE FROM imports WHERE source_rel = ? AND copied = 0'),
      touchRecent: db.prepare('INSERT INTO recent_tags (tag, used_at) VALUES (?, ?) ON CONFLICT (tag) DO UPDATE SET used_at = excluded.used_at'),
      recent: db.prepare<[number], { tag: string }>('SELECT tag FROM recent_tags ORDER BY used_at DESC, rowid DESC LIMIT ?'),
      // the undo log
      insertStep: db.prepare('INSERT INTO history_steps (label, label_stem, created_at) VALUES (?, ?, ?)'),
      relabel: db.prepare('UPDATE history_steps SET label = ? WHERE id = ?'),
      addBytes: db.prepare('UPDATE history_steps SET bytes = bytes + ? WHERE id = ?'),
      upsertFile: db.prepare(
        `INSERT INTO history_files (step_id, caption_rel, before, after) VALUES (?, ?, ?, ?)
         ON CONFLICT (step_id, caption_rel) DO UPDATE SET after = excluded.after`,
      ),
      planFile: db.prepare(
        `INSERT INTO history_files (step_id, caption_rel, before, after, pending) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (step_id, caption_rel) DO UPDATE SET before = excluded.before, after = excluded.after, pending = 1`,
      ),
      confirmFile: db.prepare('UPDATE history_files SET pending = 0 WHERE step_id = ? AND caption_rel = ?'),
      dropPending: db.prepare('DELETE FROM history_files WHERE step_id = ? AND pending = 1'),
      pending: db.prepare<[], { step_id: number; caption_rel: string; after: Buffer | null; label_stem: string | null }>(
        `SELECT f.step_id, f.caption_rel, f.after, s.label_stem FROM history_files f JOIN history_steps s ON s.id = f.step_id
         WHERE f.pending = 1 ORDER BY f.step_id`,
      ),
      labelStem: db.prepare<[number], string | null>('SELECT label_stem FROM history_steps WHERE id = ?').pluck(),
      fileNames: db.prepare<[number], string>('SELECT caption_rel FROM history_files WHERE step_id = ?').pluck(),
      countBytes: db.prepare(
        `UPDATE history_steps SET bytes = (SELECT coalesce(sum(coalesce(length(before), 0) + coalesce(length(after), 0)), 0)
         FROM history_files WHERE step_id = @id) WHERE id = @id`,
      ),
      dropRedo: db.prepare('DELETE FROM history_files WHERE step_id IN (SELECT id FROM history_steps WHERE undone = 1)'),
      dropRedoSteps: db.prepare('DELETE FROM history_steps WHERE undone = 1'),
      lastDone: db.prepare<[], { id: number; label: string }>('SELECT id, label FROM history_steps WHERE undone = 0 ORDER BY id DESC LIMIT 1'),
      firstUndone: db.prepare<[], { id: number; label: string }>('SELECT id, label FROM history_steps WHERE undone = 1 ORDER BY id ASC LIMIT 1'),
      files: db.prepare<[number], { caption_rel: string; before: Buffer | null; after: Buffer | null }>(
        'SELECT caption_rel, before, after FROM history_files WHERE step_id = ? AND pending = 0 ORDER BY caption_rel',
      ),
      setUndone: db.prepare('UPDATE history_steps SET undone = ? WHERE id = ?'),
      totals: db.prepare<[], { steps: number; bytes: number | null; oldest: number | null }>(
        'SELECT count(*) AS steps, sum(bytes) AS bytes, min(id) AS oldest FROM history_steps',
      ),
      deleteFiles: db.prepare('DELETE FROM history_files WHERE step_id = ?'),
      deleteStep: db.prepare('DELETE FROM history_steps WHERE id = ?'),
      orphans: db.prepare('DELETE FROM history_steps WHERE id NOT IN (SELECT DISTINCT step_id FROM history_files)'),
      // tagging models' scores
      insertRun: db.prepare('INSERT INTO tagger_runs (model_id, labels, settings, started_at) VALUES (?, ?, ?, ?)'),
      finishRun: db.prepare('UPDATE tagger_runs SET finished_at = ? WHERE id = ?'),
      runs: db.prepare<[], TaggerRunRow>(
        `SELECT r.id, r.model_id AS modelId, r.settings, r.started_at AS startedAt, r.finished_at AS finishedAt,
           (SELECT count(*) FROM tagger_scores s WHERE s.run_id = r.id) AS images
         FROM tagger_runs r ORDER BY r.id`,
      ),
      runLabels: db.prepare<[number], string>('SELECT labels FROM tagger_runs WHERE id = ?').pluck(),
      // an image that left the index while it was being scored (deleted, replaced) is not kept: its row would break the foreign key
      putScores: db.prepare(
        'INSERT OR REPLACE INTO tagger_scores (run_id, image_id, packed, error) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM images WHERE id = ?)',
      ),
      scoredIds: db.prepare<[number], number>('SELECT image_id FROM tagger_scores WHERE run_id = ? ORDER BY image_id').pluck(),
      scoresPage: db.prepare<[number, number, number], { imageId: number; packed: Buffer | null; error: string | null }>(
        'SELECT image_id AS imageId, packed, error FROM tagger_scores WHERE run_id = ? AND image_id > ? ORDER BY image_id LIMIT ?',
      ),
      deleteRun: db.prepare('DELETE FROM tagger_runs WHERE id = ?'),
      reject: db.prepare('INSERT OR IGNORE INTO tagger_rejected (image_id, tag) VALUES (?, ?)'),
      rejected: db.prepare<[], { imageId: number; tag: string }>('SELECT image_id AS imageId, tag FROM tagger_rejected ORDER BY image_id, tag'),
      // which tags a model wrote (see migration 006)
      lastDoneStep: db.prepare<[], number>('SELECT id FROM history_steps WHERE undone = 0 ORDER BY id DESC LIMIT 1').pluck(),
      putProvenance: db.prepare(
        `INSERT INTO tagger_provenance (image_id, tag, run_id, score, category, step_id, suggested) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (image_id, tag) DO UPDATE SET run_id = excluded.run_id, score = excluded.score, category = excluded.category,
           step_id = excluded.step_id, suggested = excluded.suggested`,
      ),
      // a row whose apply was undone is left out; the caller checks the caption still holds the tag
      provenance: db
        .prepare(
          `SELECT p.image_id, p.tag, p.run_id, p.score, p.category = 'character', p.suggested FROM tagger_provenance p
           LEFT JOIN history_steps s ON s.id = p.step_id
           WHERE p.step_id IS NULL OR s.undone = 0 ORDER BY p.image_id`,
        )
        .raw(true),
      // changes with every step added, undone, redone or dropped: what decides which rows count
      historyStamp: db
        .prepare("SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(undone), 0) || ':' || coalesce(max(created_at), 0) FROM history_steps")
        .pluck(),
      imageProvenance: db
        .prepare(
          `SELECT p.image_id, p.tag, p.run_id, p.score, p.category, p.suggested FROM tagger_provenance p
           LEFT JOIN history_steps s ON s.id = p.step_id
           WHERE (p.step_id IS NULL OR s.undone = 0) AND p.image_id = ?`,
        )
        .raw(true),
      dropProvenance: db.prepare('DELETE FROM tagger_provenance WHERE image_id = ? AND tag = ?'),
      suggesting: db.prepare<[], { runId: number; settings: string }>('SELECT run_id AS runId, settings FROM tagger_suggesting WHERE id = 1'),
      setSuggesting: db.prepare(
        'INSERT INTO tagger_suggesting (id, run_id, settings) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET run_id = excluded.run_id, settings = excluded.settings',
      ),
    };
    // a step is written with its first file, so an empty one cannot normally exist; drop any anyway
    this.stmt.orphans.run();
  }

  // settings

  settings(keys: readonly string[]): Record<string, string | null> {
    return Object.fromEntries(keys.map((k) => [k, this.stmt.getSetting.get(k)?.value ?? null]));
  }

  setSettings(entries: readonly (readonly [string, string])[]): void {
    this.db.transaction(() => entries.forEach(([k, v]) => this.stmt.setSetting.run(k, v)))();
  }

  /** `watcher` is told of every write to what a filter reads, from now on */
  watch(watcher: RowWatcher): void {
    this.watcher = watcher;
  }

  // images and captions

  /** every image, in order (the folder sync's, on this thread: main gets its list from that) */
  allImages(): ImageRow[] {
    return (this.stmt.allImages.all() as unknown[][]).map((r) => imageRowOf(r));
  }

  imageCount(): number {
    return this.stmt.imageCount.get()!;
  }

  /** false: no caption is indexed yet (a first open), so a sync reads every one */
  anyCaption(): boolean {
    return this.stmt.anyCaption.get() === 1;
  }

  /**
   * The images in order after the one at (ord, id), at most `limit`, each as
   * its values (see imageValues) followed by its caption's (see
   * captionValues; all null where it has no caption row): a page of the list
   * read in place of the folder (FolderSync.indexed).
   */
  imagesWithCaptions(afterOrd: number, afterId: number, limit: number): unknown[][] {
    return this.stmt.imagesWithCaptions.all(afterOrd, afterId, limit);
  }

  /** the ids of the list, in order */
  listIds(): number[] {
    return this.stmt.listIds.all();
  }

  /** what the filter reads of these images (see FilterIndex), as [id, relPath, skip, text or null], in no order */
  filterRows(ids: readonly number[]): [number, string, number, string | null][] {
    return this.stmt.filterRows.all(JSON.stringify(ids)) as [number, string, number, string | null][];
  }

  /** every caption row */
  allCaptions(): CaptionRow[] {
    return (this.stmt.allCaptions.all() as unknown[][]).map((r) => captionRowOf(r));
  }

  /** the new ids, in input order: SQLite's own */
  insertImages(rows: readonly NewImageRow[]): number[] {
    this.watcher.listChanged();
    return this.db.transaction(() => rows.map((r) => Number(this.stmt.insertImage.run(...imageParams(r)).lastInsertRowid)))();
  }

  deleteImages(ids: readonly number[]): void {
    this.watcher.listChanged();
    // its index and its model tags go with it
    this.watcher.imagesChanged(ids);
    this.modelTagWrites++;
    this.db.transaction(() => ids.forEach((id) => this.stmt.deleteImage.run(id)))();
  }

  setOrds(rows: readonly { id: number; ord: number }[]): void {
    this.watcher.listChanged();
    this.db.transaction(() => rows.forEach((r) => this.stmt.setOrd.run(r.ord, r.id)))();
  }

  setFilesChanged(rows: readonly { id: number; size: number; mtimeMs: number }[]): void {
    this.db.transaction(() => rows.forEach((r) => this.stmt.setFile.run(r.size, r.mtimeMs, r.id)))();
  }

  /** header checks: each image's size in pixels and format, and its file's size and mtime as the check found them */
  setProbes(rows: readonly ProbedRow[]): void {
    this.db.transaction(() => rows.forEach((r) => this.stmt.setProbe.run(r.width, r.height, r.format, r.size, r.mtimeMs, r.id)))();
  }

  setSkip(id: number, skip: boolean): void {
    this.watcher.imagesChanged([id]);
    this.stmt.setSkip.run(skip ? 1 : 0, id);
  }

  /** an image deleted meanwhile is no error: its fingerprint is learnt again next time */
  setFingerprints(rows: readonly { id: number; fingerprint: string }[]): void {
    this.db.transaction(() => rows.forEach((r) => this.stmt.setFingerprint.run(r.fingerprint, r.id)))();
  }

  /** the kept tag counts follow (see KeptTagCounts) */
  upsertCaptions(rows: readonly CaptionRow[]): void {
    this.watcher.imagesChanged(rows.map((r) => r.imageId));
    this.db.transaction(() => this.keptTagCounts.change(rows, (i) => this.stmt.upsertCaption.run(...captionParams(rows[i]!))))();
  }

  // files that are not readable images

  invalidFiles(): InvalidFileRow[] {
    return this.stmt.invalid.all() as InvalidFileRow[];
  }

  removeInvalidFiles(relPaths: readonly string[]): void {
    this.db.transaction(() => relPaths.forEach((rel) => this.stmt.removeInvalid.run(rel)))();
  }

  /** these images are not readable images after all: out of the list, into the skipped files, together */
  dropAsInvalid(ids: readonly number[], rows: readonly InvalidFileRow[]): void {
    this.watcher.listChanged();
    this.watcher.imagesChanged(ids);
    this.modelTagWrites++;
    this.db.transaction(() => {
      ids.forEach((id) => this.stmt.deleteImage.run(id));
      rows.forEach((r) => this.stmt.insertInvalid.run(r.relPath, r.size, r.mtimeMs, r.reason));
    })();
  }

  // imports

  imports(): ImportRow[] {
    return (this.stmt.imports.all() as (Omit<ImportRow, 'copied'> & { copied: number })[]).map((r) => ({ ...r, copied: r.copied === 1 }));
  }

  addImports(rows: readonly ImportRow[]): void {
    this.db.transaction(() =>
      rows.forEach((r) => this.stmt.insertImport.run(r.sourceRel, r.size, r.mtimeMs, r.imageRel, r.copied ? 1 : 0)),
    )();
  }

  /** the copy of a planned import is in the dataset */
  confirmImport(sourceRel: string): void {
    this.stmt.confirmImport.run(sourceRel);
  }

  /** forget planned imports whose copy was never made (confirmed ones are kept) */
  dropPlannedImports(sourceRels: readonly string[]): void {
    this.db.transaction(() => sourceRels.forEach((rel) => this.stmt.dropImport.run(rel)))();
  }

  /** files an import found bad: out of the plan, into the skipped files, and looked at afresh if listed before */
  refuseImports(rows: readonly InvalidFileRow[], lookAgain: readonly string[]): void {
    this.db.transaction(() => {
      lookAgain.forEach((rel) => this.stmt.removeInvalid.run(rel));
      rows.forEach((r) => this.stmt.insertInvalid.run(r.relPath, r.size, r.mtimeMs, r.reason));
      rows.forEach((r) => this.stmt.dropImport.run(r.relPath));
    })();
  }

  /** what an import copied, with each copy's image and caption row: one transaction */
  recordCopies(rows: readonly CopyRecord[]): void {
    this.watcher.listChanged();
    this.db.transaction(() => {
      for (const { sourceRel, added } of rows) {
        this.stmt.confirmImport.run(sourceRel);
        if (!added) continue;
        const imageId = Number(this.stmt.insertImage.run(...imageParams(added.image)).lastInsertRowid);
        this.stmt.upsertCaption.run(...captionParams({ ...added.caption, imageId }));
      }
    })();
  }

  // recently used tags

  touchRecentTags(tags: readonly string[], at: number): void {
    this.db.transaction(() => tags.forEach((t, i) => this.stmt.touchRecent.run(t, at + i)))();
  }

  recentTags(limit: number): string[] {
    return this.stmt.recent.all(limit).map((r) => r.tag);
  }

  // the undo log

  historyState(): HistoryState {
    if (!this.db.open) return EMPTY_HISTORY;
    const undo = this.stmt.lastDone.get();
    const redo = this.stmt.firstUndone.get();
    return { canUndo: !!undo, canRedo: !!redo, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
  }

  /** what Ctrl+Z would undo, with its files */
  nextUndo(): HistoryStep | null {
    const row = this.stmt.lastDone.get();
    return row ? this.withFiles(row) : null;
  }

  nextRedo(): HistoryStep | null {
    const row = this.stmt.firstUndone.get();
    return row ? this.withFiles(row) : null;
  }

  setUndone(stepId: number, undone: boolean): void {
    this.stmt.setUndone.run(undone ? 1 : 0, stepId);
  }

  private withFiles(row: { id: number; label: string }): HistoryStep {
    const files = this.stmt.files.all(row.id).map((f) => ({ captionRel: f.caption_rel, before: f.before, after: f.after }));
    return { id: row.id, label: row.label, files };
  }

  /** a step's first write: the step, its first files, and the end of the redo branch, together; the step's id */
  insertStep(label: string, labelStem: string | null, first: FirstFiles, addedBytes: number): number {
    return this.db.transaction(() => {
      this.stmt.dropRedo.run();
      this.stmt.dropRedoSteps.run();
      const id = Number(this.stmt.insertStep.run(label, labelStem, Date.now()).lastInsertRowid);
      if ('written' in first) this.upsertFile(id, first.written, addedBytes);
      else this.planFiles(id, first.planned, addedBytes);
      return id;
    })();
  }

  upsertFile(stepId: number, change: FileChange, addedBytes: number): void {
    this.stmt.upsertFile.run(stepId, change.captionRel, blob(change.before), blob(change.after));
    if (addedBytes !== 0) this.stmt.addBytes.run(addedBytes, stepId);
  }

  /** files about to be written, recorded before the first of them is: one transaction */
  planFiles(stepId: number, changes: readonly FileChange[], addedBytes: number): void {
    this.db.transaction(() => {
      for (const c of changes) this.stmt.planFile.run(stepId, c.captionRel, blob(c.before), blob(c.after));
      if (addedBytes !== 0) this.stmt.addBytes.run(addedBytes, stepId);
    })();
  }

  /** the pending files written are the step's; the other pending ones never were: one transaction */
  confirmFiles(stepId: number, written: readonly string[], addedBytes: number, label: string): void {
    this.db.transaction(() => {
      for (const rel of written) this.stmt.confirmFile.run(stepId, rel);
      this.stmt.dropPending.run(stepId);
      if (addedBytes !== 0) this.stmt.addBytes.run(addedBytes, stepId);
      this.stmt.relabel.run(label, stepId);
    })();
  }

  /** a step that ended up writing nothing */
  dropStep(stepId: number): void {
    this.db.transaction(() => {
      this.stmt.deleteFiles.run(stepId);
      this.stmt.deleteStep.run(stepId);
    })();
  }

  relabel(stepId: number, label: string): void {
    this.stmt.relabel.run(label, stepId);
  }

  /** steps whose writes a crash cut short: their pending files, which the disk alone can confirm */
  cutShort(): CutShortStep[] {
    const steps = new Map<number, CutShortStep>();
    for (const r of this.stmt.pending.all()) {
      let step = steps.get(r.step_id);
      if (!step) steps.set(r.step_id, (step = { id: r.step_id, labelStem: r.label_stem, pending: [], captionRels: this.stmt.fileNames.all(r.step_id) }));
      step.pending.push({ captionRel: r.caption_rel, after: r.after });
    }
    return [...steps.values()];
  }

  /**
   * A step cut short, settled: its pending files found `written` stay, the
   * others leave it, and a step left with no file goes. A step with a label
   * stem is labelled anew with the images its kept files belong to
   * (`imagesPerFile`; 1 for a file not named there). One transaction.
   */
  settleCutShort(stepId: number, written: readonly string[], imagesPerFile: Readonly<Record<string, number>>): void {
    this.db.transaction(() => {
      for (const rel of written) this.stmt.confirmFile.run(stepId, rel);
      this.stmt.dropPending.run(stepId);
      const kept = this.stmt.fileNames.all(stepId);
      if (kept.length === 0) {
        this.stmt.deleteStep.run(stepId);
        return;
      }
      this.stmt.countBytes.run({ id: stepId });
      const stem = this.stmt.labelStem.get(stepId) ?? null;
      if (stem !== null) this.stmt.relabel.run(countedLabel(stem, kept.reduce((n, rel) => n + (imagesPerFile[rel] ?? 1), 0)), stepId);
    })();
  }

  /** Oldest steps go first until the log is within its limits; `keep` (the newest) always stays. */
  prune(keep: number): number {
    return this.db.transaction(() => {
      let dropped = 0;
      for (;;) {
        const t = this.stmt.totals.get()!;
        const over = t.steps > this.limits.maxSteps || (t.bytes ?? 0) > this.limits.maxBytes;
        if (!over || t.oldest === null || t.oldest === keep) return dropped;
        this.stmt.deleteFiles.run(t.oldest);
        this.stmt.deleteStep.run(t.oldest);
        dropped++;
      }
    })();
  }

  // tagging models' scores (see migration 005)

  /** a new run of a model over some images; its labels (name and category, in output order) are kept with it */
  startTaggerRun(modelId: string, labels: readonly (readonly [string, string])[], settings: string, at: number): number {
    return Number(this.stmt.insertRun.run(modelId, JSON.stringify(labels), settings, at).lastInsertRowid);
  }

  finishTaggerRun(runId: number, at: number): void {
    this.stmt.finishRun.run(at, runId);
  }

  taggerRuns(): TaggerRunRow[] {
    return this.stmt.runs.all();
  }

  taggerRunLabels(runId: number): [string, string][] | null {
    const labels = this.stmt.runLabels.get(runId);
    return labels === undefined ? null : (JSON.parse(labels) as [string, string][]);
  }

  /** a batch's results, one transaction: a kill loses at most the batches not yet stored */
  putScores(runId: number, rows: readonly ImageScoresRow[]): void {
    this.db.transaction(() => rows.forEach((r) => this.stmt.putScores.run(runId, r.imageId, blob(r.packed), r.error, r.imageId)))();
  }

  /** images a run has a result for: a resumed run scores the others only */
  scoredImageIds(runId: number): number[] {
    return this.stmt.scoredIds.all(runId);
  }

  /** a run's results by image id after `afterImageId` */
  scoresPage(runId: number, afterImageId: number, limit: number): ImageScoresRow[] {
    return this.stmt.scoresPage.all(runId, afterImageId, limit);
  }

  deleteTaggerRun(runId: number): void {
    this.modelTagWrites++; // its rows go with it
    this.stmt.deleteRun.run(runId);
  }

  /** suggestions turned down: not suggested again for that image */
  rejectSuggestions(rows: readonly { imageId: number; tag: string }[]): void {
    this.db.transaction(() => rows.forEach((r) => this.stmt.reject.run(r.imageId, r.tag)))();
  }

  rejectedSuggestions(): { imageId: number; tag: string }[] {
    return this.stmt.rejected.all();
  }

  // which tags a model wrote (see migration 006)

  /** the newest step still done: an apply's, when asked right after it inside its turn (steps never interleave) */
  lastDoneStepId(): number | null {
    return this.stmt.lastDoneStep.get() ?? null;
  }

  /** tags a model wrote under `stepId` (null: suggested), replacing any earlier row for the image and tag; one transaction */
  recordProvenance(rows: readonly ProvenanceRow[], stepId: number | null): void {
    this.modelTagWrites++;
    this.db.transaction(() =>
      rows.forEach((r) => this.stmt.putProvenance.run(r.imageId, r.tag, r.runId, r.score, r.category, stepId, r.suggested ? 1 : 0)),
    )();
  }

  /**
   * Every row not undone, in image order, as columns: 300,000 rows cross to
   * main as a few typed arrays and one string, where as arrays of values
   * their copying alone was most of a second.
   */
  allProvenance(): ProvenanceColumns {
    const rows = this.stmt.provenance.all() as [number, string, number, number, number, number][];
    const n = rows.length;
    const out: ProvenanceColumns = {
      imageIds: new Int32Array(n),
      runIds: new Int32Array(n),
      scores: new Float64Array(n),
      character: new Uint8Array(n),
      suggested: new Uint8Array(n),
      tags: JSON.stringify(rows.map((r) => r[1])),
    };
    rows.forEach(([imageId, , runId, score, character, suggested], i) => {
      out.imageIds[i] = imageId;
      out.runIds[i] = runId;
      out.scores[i] = score;
      out.character[i] = character;
      out.suggested[i] = suggested;
    });
    return out;
  }

  /** a stamp of the undo log: when it is unchanged, so is which of the rows count */
  private historyStamp(): string {
    return this.stmt.historyStamp.get() as string;
  }

  /**
   * A stamp of the model tag rows: it changes with every write to them (a
   * row recorded or dropped, a run or an image gone) and with the undo log.
   * Main keeps a copy of the rows under it (ProvenanceStore), and so does
   * the filter's index. It names this connection too, so a restarted
   * thread's count never matches an old one.
   */
  modelTagsStamp(): string {
    return `${this.connectionKey}/${this.modelTagWrites}/${this.historyStamp()}`;
  }

  /** one image's rows not undone, as [imageId, tag, runId, score, category, suggested] */
  imageProvenance(imageId: number): unknown[][] {
    return this.stmt.imageProvenance.all(imageId) as unknown[][];
  }

  dropProvenance(rows: readonly { imageId: number; tag: string }[]): void {
    this.modelTagWrites++;
    this.db.transaction(() => rows.forEach((r) => this.stmt.dropProvenance.run(r.imageId, r.tag)))();
  }

  /** the run and settings an apply in suggest mode made the dataset's suggestions with */
  suggestingRun(): { runId: number; settings: string } | null {
    return this.stmt.suggesting.get() ?? null;
  }

  setSuggestingRun(runId: number, settings: string): void {
    this.stmt.setSuggesting.run(runId, settings);
  }

  // ─── vision-language captions (see migration 007) ───────────────────────────

  private captionStmt: ReturnType<typeof captionStatements> | null = null;
  private get caption(): ReturnType<typeof captionStatements> {
    return (this.captionStmt ??= captionStatements(this.db));
  }

  startCaptionRun(model: string, backends: readonly string[], prompt: string, settings: string, at: number): number {
    return Number(this.caption.insertRun.run(model, JSON.stringify(backends), prompt, settings, at).lastInsertRowid);
  }

  finishCaptionRun(runId: number, at: number): void {
    this.caption.finishRun.run(at, runId);
  }

  /** every run with its results counted by status, oldest first */
  captionRuns(): CaptionRunRow[] {
    return this.caption.runs.all().map(({ backends, ...r }) => ({ ...r, backends: JSON.parse(backends) as string[] }));
  }

  /** answers as they come, one transaction per call: a kill loses at most those not yet stored */
  putCaptionResults(runId: number, rows: readonly CaptionResultRow[]): void {
    this.db.transaction(() => rows.forEach((r) => this.caption.put.run(runId, r.imageId, r.status, r.suggested, r.raw, r.error, r.at, r.imageId)))();
  }

  /** images a run has a usable answer for: a resumed run does not send them again (failed ones are tried again) */
  answeredImageIds(runId: number): number[] {
    return this.caption.answered.all(runId);
  }

  /** a run's results in dataset order, optionally of one status; with the total */
  captionResultsPage(runId: number, status: CaptionStatus | null, offset: number, limit: number): { total: number; rows: CaptionResultRow[] } {
    return {
      total: this.caption.count.get(runId, status, status) ?? 0,
      rows: this.caption.page.all(runId, status, status, limit, offset),
    };
  }

  /** a run's results for these images (all of them when null) */
  captionResultsOf(runId: number, imageIds: readonly number[] | null): CaptionResultRow[] {
    if (imageIds === null) return this.caption.ofRun.all(runId);
    return imageIds.flatMap((id) => this.caption.one.all(runId, id));
  }

  /** one image's results in every run, newest run first */
  imageCaptionResults(imageId: number): (CaptionResultRow & { runId: number })[] {
    return this.caption.ofImage.all(imageId);
  }

  setCaptionStatus(runId: number, imageIds: readonly number[], status: CaptionStatus): void {
    this.db.transaction(() => imageIds.forEach((id) => this.caption.setStatus.run(status, runId, id)))();
  }

  /** accepted, with the text written: an undo that takes it out of the caption shows the suggestion pending again */
  acceptCaptionResults(runId: number, rows: readonly { imageId: number; text: string }[]): void {
    this.db.transaction(() => rows.forEach((r) => this.caption.accept.run(r.text, runId, r.imageId)))();
  }

  /** the WAL copied into the database and emptied, then the connection closed */
  close(): void {
    if (!this.db.open) return;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}

/** `a.x, a.y` for a table's alias and `x, y` */
const columnsOf = (alias: string, columns: string) => columns.split(', ').map((c) => `${alias}.${c}`).join(', ');

/**
 * Rows as arrays of their columns' values, as SQLite's raw reads give them
 * (booleans as 0/1): a tenth of an object's cost to pass between threads.
 * `at`: where the row starts in a longer array (the folder sync packs an
 * image and its caption into one).
 */
const IMAGE_COLUMNS = 'id, rel_path, ord, size, mtime_ms, width, height, format, probed, fingerprint, skip';
export const IMAGE_VALUES = 11;
/** which of an image's values are strings: rel_path, format, fingerprint; and which of those have a handful of values */
export const IMAGE_STRINGS = [1, 7, 9];
export const IMAGE_FEW_STRINGS = [7];
export const imageValues = (r: ImageRow): unknown[] => [
  r.id, r.relPath, r.ord, r.size, r.mtimeMs, r.width, r.height, r.format, r.probed ? 1 : 0, r.fingerprint, r.skip ? 1 : 0,
];
export const imageRowOf = (r: readonly unknown[], at = 0): ImageRow => ({
  id: r[at] as number,
  relPath: r[at + 1] as string,
  ord: r[at + 2] as number,
  size: r[at + 3] as number,
  mtimeMs: r[at + 4] as number,
  width: r[at + 5] as number | null,
  height: r[at + 6] as number | null,
  format: r[at + 7] as string | null,
  probed: r[at + 8] === 1,
  fingerprint: r[at + 9] as string | null,
  skip: r[at + 10] === 1,
});

const CAPTION_COLUMNS = 'image_id, on_disk, fingerprint, size, mtime_ms, encoding, bom, line_ending, text';
export const CAPTION_VALUES = 9;
/** which of a caption's values are strings: fingerprint, encoding, line_ending, text; and which of those have a handful of values */
export const CAPTION_STRINGS = [2, 5, 7, 8];
export const CAPTION_FEW_STRINGS = [5, 7];
export const captionValues = (c: CaptionRow): unknown[] => [
  c.imageId, c.onDisk ? 1 : 0, c.fingerprint, c.size, c.mtimeMs, c.encoding, c.bom ? 1 : 0, c.lineEnding, c.text,
];
export const captionRowOf = (r: readonly unknown[], at = 0): CaptionRow => ({
  imageId: r[at] as number,
  onDisk: r[at + 1] === 1,
  fingerprint: r[at + 2] as string,
  size: r[at + 3] as number,
  mtimeMs: r[at + 4] as number,
  encoding: r[at + 5] as CaptionEncoding,
  bom: r[at + 6] === 1,
  lineEnding: r[at + 7] as CaptionRow['lineEnding'],
  text: r[at + 8] as string,
});

/**
 * A row's values in its statement's column order, bound by position: by name, better-sqlite3
 * would look each one up on an object made for the purpose, row after row of a first sync.
 * SQLite has no booleans.
 */
type ImageParams = [relPath: string, ord: number, size: number, mtimeMs: number, width: number | null, height: number | null, format: string | null, probed: number];
const imageParams = (r: NewImageRow): ImageParams => [r.relPath, r.ord, r.size, r.mtimeMs, r.width, r.height, r.format, r.probed ? 1 : 0];

type CaptionParams = [imageId: number, onDisk: number, fingerprint: string, size: number, mtimeMs: number, encoding: string, bom: number, lineEnding: string, text: string];
const captionParams = (r: CaptionRow): CaptionParams => [r.imageId, r.onDisk ? 1 : 0, r.fingerprint, r.size, r.mtimeMs, r.encoding, r.bom ? 1 : 0, r.lineEnding, r.text];

/** bytes that crossed a thread arrive as a Uint8Array; better-sqlite3 binds a Buffer as a BLOB */
const blob = (bytes: Uint8Array | null) => (bytes === null || Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

// ─── vision-language captions (see migration 007) ─────────────────────────────

export type CaptionStatus = 'pending' | 'accepted' | 'rejected' | 'failed';

/** a captioning run, as kept in the index */
export interface CaptionRunRow {
  id: number;
  model: string;
  backends: string[];
  prompt: string;
  /** JSON of what a resumed run must match */
  settings: string;
  startedAt: number;
  finishedAt: number | null;
  images: number;
  pending: number;
  accepted: number;
  rejected: number;
  failed: number;
}

/** one image's answer in a run */
export interface CaptionResultRow {
  imageId: number;
  status: CaptionStatus;
  suggested: string | null;
  raw: string;
  error: string | null;
  /** the text written when it was accepted */
  accepted?: string | null;
  at: number;
}

const CAPTION_RESULT_COLUMNS = 'r.image_id AS imageId, r.status, r.suggested, r.raw, r.error, r.accepted, r.at';

function captionStatements(db: Database.Database) {
  return {
    insertRun: db.prepare('INSERT INTO caption_runs (model, backends, prompt, settings, started_at) VALUES (?, ?, ?, ?, ?)'),
    finishRun: db.prepare('UPDATE caption_runs SET finished_at = ? WHERE id = ?'),
    runs: db.prepare<[], Omit<CaptionRunRow, 'backends'> & { backends: string }>(
      `SELECT c.id, c.model, c.backends, c.prompt, c.settings, c.started_at AS startedAt, c.finished_at AS finishedAt,
         count(r.image_id) AS images,
         count(CASE WHEN r.status = 'pending' THEN 1 END) AS pending,
         count(CASE WHEN r.status = 'accepted' THEN 1 END) AS accepted,
         count(CASE WHEN r.status = 'rejected' THEN 1 END) AS rejected,
         count(CASE WHEN r.status = 'failed' THEN 1 END) AS failed
       FROM caption_runs c LEFT JOIN caption_results r ON r.run_id = c.id GROUP BY c.id ORDER BY c.id`,
    ),
    // as with tagger scores: an image gone from the index while its answer was awaited is not kept
    put: db.prepare(
      'INSERT OR REPLACE INTO caption_results (run_id, image_id, status, suggested, raw, error, at) SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM images WHERE id = ?)',
    ),
    answered: db.prepare<[number], number>("SELECT image_id FROM caption_results WHERE run_id = ? AND status <> 'failed' ORDER BY image_id").pluck(),
    count: db
      .prepare<[number, CaptionStatus | null, CaptionStatus | null], number>('SELECT count(*) FROM caption_results WHERE run_id = ? AND (? IS NULL OR status = ?)')
      .pluck(),
    page: db.prepare<[number, CaptionStatus | null, CaptionStatus | null, number, number], CaptionResultRow>(
      `SELECT ${CAPTION_RESULT_COLUMNS} FROM caption_results r JOIN images i ON i.id = r.image_id
       WHERE r.run_id = ? AND (? IS NULL OR r.status = ?) ORDER BY i.ord, i.id LIMIT ? OFFSET ?`,
    ),
    ofRun: db.prepare<[number], CaptionResultRow>(`SELECT ${CAPTION_RESULT_COLUMNS} FROM caption_results r WHERE r.run_id = ? ORDER BY r.image_id`),
    one: db.prepare<[number, number], CaptionResultRow>(`SELECT ${CAPTION_RESULT_COLUMNS} FROM caption_results r WHERE r.run_id = ? AND r.image_id = ?`),
    ofImage: db.prepare<[number], CaptionResultRow & { runId: number }>(
      `SELECT r.run_id AS runId, ${CAPTION_RESULT_COLUMNS} FROM caption_results r WHERE r.image_id = ? ORDER BY r.run_id DESC`,
    ),
    setStatus: db.prepare('UPDATE caption_results SET status = ? WHERE run_id = ? AND image_id = ?'),
    accept: db.prepare("UPDATE caption_results SET status = 'accepted', accepted = ? WHERE run_id = ? AND image_id = ?"),
  };
}
