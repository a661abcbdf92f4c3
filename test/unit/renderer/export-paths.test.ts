import { describe, expect, it } from 'vitest';
import {
  baseName,
  defaultOutPath,
  isAbsolutePath,
  isInsideDir,
  joinPath,
  outKindOf,
  parentDir,
  retargetPath,
} from '../../../src-renderer/features/export/export-paths';

describe('export paths', () => {
  it('puts the default beside the folder opened, named for the target', () => {
    expect(defaultOutPath('/home/me/fruit', 'fruit', 'civitai')).toBe('/home/me/fruit-civitai.zip');
    // an import of /home/me/fruit into fruit/output: beside the source, not in it where the next open imports it again
    expect(defaultOutPath('/home/me/fruit', 'fruit', 'ai-toolkit')).toBe('/home/me/fruit-ai-toolkit');
    expect(defaultOutPath('C:\\data\\fruit', 'fruit', 'ai-toolkit')).toBe('C:\\data\\fruit-ai-toolkit');
  });

  it('never defaults into the dataset folder itself', () => {
    for (const dir of ['/a/b', '/a/b/', '/b', 'C:\\x\\y', 'D:\\y']) {
      expect(isInsideDir(defaultOutPath(dir, 'y', 'civitai'), dir)).toBe(false);
    }
  });

  it('keeps roots whole', () => {
    expect(parentDir('/b')).toBe('/');
    expect(parentDir('C:\\b')).toBe('C:\\');
    expect(parentDir('/a/b/')).toBe('/a');
    expect(joinPath('/', 'x.zip')).toBe('/x.zip');
    expect(joinPath('C:\\', 'x')).toBe('C:\\x');
  });

  it('names the last segment in either style', () => {
    expect(baseName('/a/b/set.zip')).toBe('set.zip');
    expect(baseName('C:\\a\\set')).toBe('set');
    expect(baseName('/a/b/')).toBe('b');
  });

  it('reads a zip from its name, as main and the CLI do', () => {
    expect(outKindOf('/a/set.ZIP')).toBe('zip');
    expect(outKindOf('/a/set.zip ')).toBe('zip');
    expect(outKindOf('/a/set')).toBe('folder');
    expect(outKindOf('/a/set.zip/x')).toBe('folder');
  });

  it('knows absolute paths on both systems', () => {
    expect(isAbsolutePath('/x')).toBe(true);
    expect(isAbsolutePath('C:\\x')).toBe(true);
    expect(isAbsolutePath('c:/x')).toBe(true);
    expect(isAbsolutePath('\\\\server\\share')).toBe(true);
    expect(isAbsolutePath('x/y')).toBe(false);
    expect(isAbsolutePath('~/x')).toBe(false);
  });

  it('tells inside from a sibling with the same prefix', () => {
    expect(isInsideDir('/a/fruit/x.zip', '/a/fruit')).toBe(true);
    expect(isInsideDir('/a/fruit', '/a/fruit/')).toBe(true);
    expect(isInsideDir('/a/fruit-civitai.zip', '/a/fruit')).toBe(false);
    expect(isInsideDir('C:\\a\\fruit\\out', 'C:\\a\\fruit')).toBe(true);
  });

  it("moves a default ending to the new target and leaves the user's own names", () => {
    expect(retargetPath('/x/set-civitai.zip', 'civitai', 'ai-toolkit')).toBe('/x/set-ai-toolkit');
    expect(retargetPath('C:\\x\\set-kohya', 'kohya', 'civitai')).toBe('C:\\x\\set-civitai.zip');
    expect(retargetPath('/x/mine.zip', 'civitai', 'kohya')).toBe('/x/mine.zip');
  });
});
