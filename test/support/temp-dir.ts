import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder per test, removed afterwards unless KEEP_TEST_DIRS is set. */
export function makeTempDir(prefix = 'lora-tagger-test-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    cleanup: () => {
      if (!process.env.KEEP_TEST_DIRS) rmSync(path, { recursive: true, force: true });
    },
  };
}
