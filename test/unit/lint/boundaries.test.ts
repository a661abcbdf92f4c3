import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The project's own eslint.config.js, run on code that is never written to
// disk: the file path alone decides which folder's boundaries apply.
const root = fileURLToPath(new URL('../../../', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** the boundary errors ESLint reports for `code` as if it lived at `filePath` */
async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2).map((m) => m.message);
}

describe('import boundaries (issue 15)', () => {
  it("refuses 'electron' in src-main/core", async () => {
    const errors = await boundaryErrors("import { app } from 'electron';\nexport const name = app.name;\n", 'src-main/core/app/uses-electron.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/src-main\/core is domain logic/);
  });

  it('refuses a worker file in src-main/core', async () => {
    const errors = await boundaryErrors(
      "import { pool } from '../../workers/x';\nexport const size = pool.size;\n",
      'src-main/core/session/uses-worker.ts',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/src-main\/core is domain logic/);
  });

  it('refuses the worker pool in the files that once made their own pools: createApiHost hands pools in', async () => {
    for (const file of ['src-main/core/scan/probe-images.ts', 'src-main/core/images/image-service.ts', 'src-main/core/export/run-export.ts']) {
      const errors = await boundaryErrors(
        "import { createWorkerPool } from '../../workers/worker-pool';\nexport const pool = createWorkerPool('probe-worker');\n",
        file,
      );
      expect(errors, file).toHaveLength(1);
      expect(errors[0]).toMatch(/src-main\/core is domain logic/);
    }
  });

  it('refuses src-main in the renderer', async () => {
    const errors = await boundaryErrors(
      "import { compileQuery } from '../../src-main/core/query';\nexport const q = compileQuery;\n",
      'src-renderer/features/uses-main.ts',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/only through the bridge/);
  });

  it('lets a core file import Node, a package, core and src-shared', async () => {
    const code = [
      "import { join } from 'node:path';",
      "import { z } from 'zod';",
      "import { compileQuery } from '../query';",
      "import type { Result } from '../../../src-shared/result';",
      'export const parts = [join, z, compileQuery];',
      'export type Answer = Result<string>;',
      '',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: `${root}src-main/core/session/clean.ts` });
    expect(result!.messages).toEqual([]);
  });
});
