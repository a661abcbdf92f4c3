import type Database from 'better-sqlite3';
import { AppError } from '../app-error';
import type { Migration } from './migrations/migration';

/**
 * Bring a session database up to date. The version lives in SQLite's
 * user_version; each step of an existing database runs in its own
 * transaction, so a failure leaves it at the last good version. A database
 * from a newer app is refused: guessing at a schema we don't know could lose
 * someone's work.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) {
    throw new AppError(
      'newer-database',
      `This folder's session was saved by a newer LoRA Tagger (schema ${from}; this version knows ${latest}). Update the app to open it.`,
    );
  }
  const step = (m: Migration) => {
    db.exec(m.up);
    if (m.rebuildsTables) {
      const broken = db.pragma('foreign_key_check') as { table: string }[];
      if (broken.length > 0) throw new Error(`migration ${m.name} left ${broken.length} rows of ${broken[0]!.table} pointing at nothing`);
    }
    db.pragma(`user_version = ${m.version}`);
  };
  const steps = migrations.slice(from);
  // SQLite ignores this pragma inside a transaction: it is set around them
  const keysOff = steps.some((m) => m.rebuildsTables) && (db.pragma('foreign_keys', { simple: true }) as number) === 1;
  if (keysOff) db.pragma('foreign_keys = OFF');
  try {
    // a new database is made in one transaction: one commit, and a failure leaves it empty
    if (from === 0) db.transaction(() => steps.forEach(step))();
    else for (const m of steps) db.transaction(() => step(m))();
  } finally {
    if (keysOff) db.pragma('foreign_keys = ON');
  }
  return { from, to: latest };
}
