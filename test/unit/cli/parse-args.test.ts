import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../src-main/cli/parse-args';

const cwd = resolve('/home/ana/datasets');

function errorOf(args: string[]): string {
  const cmd = parseCommandLine(args, cwd);
  if (cmd.command !== 'error') throw new Error(`expected an error, got ${JSON.stringify(cmd)}`);
  expect(cmd.usage).toContain('lora-tagger serve <folder>');
  return cmd.message;
}

describe('open (the default command)', () => {
  it("uses civitai-tagger's defaults and no folder", () => {
    expect(parseCommandLine([], cwd)).toEqual({ command: 'open', folder: null, outputDir: 'output', prefix: 'img' });
  });

  it('resolves the folder against the cwd it is given, not the process cwd', () => {
    expect(parseCommandLine(['./cats'], cwd)).toMatchObject({ folder: resolve(cwd, 'cats') });
    expect(parseCommandLine([resolve('/abs/dogs')], cwd)).toMatchObject({ folder: resolve('/abs/dogs') });
  });

  it('takes --output-dir and --prefix, in both spellings', () => {
    expect(parseCommandLine(['cats', '--output-dir', 'train', '--prefix=cat'], cwd)).toEqual({
      command: 'open',
      folder: resolve(cwd, 'cats'),
      outputDir: 'train',
      prefix: 'cat',
    });
  });

  it.each([['a/b'], ['a\\b'], ['..'], ['.'], ['c:'], ['x*'], ['why?'], ['"q"'], ['<'], ['>'], ['|'], ['']])(
    'refuses the NAME %j',
    (name) => {
      expect(errorOf(['--prefix', name])).toContain('--prefix');
      expect(errorOf(['--output-dir', name])).toContain('--output-dir');
    },
  );

  it('keeps NAME values as typed (spaces, unicode, case)', () => {
    expect(parseCommandLine(['--prefix', 'Kätzchen 01'], cwd)).toMatchObject({ prefix: 'Kätzchen 01' });
  });

  it('refuses two folders and unknown options', () => {
    expect(errorOf(['a', 'b'])).toMatch(/one folder at most/);
    expect(errorOf(['--frobnicate'])).toMatch(/frobnicate/);
    expect(errorOf(['--prefix'])).toMatch(/prefix/);
  });

  it('opens a folder named like a command when written as a path, or one starting with - after --', () => {
    expect(parseCommandLine(['./serve'], cwd)).toMatchObject({ command: 'open', folder: resolve(cwd, 'serve') });
    expect(parseCommandLine(['--', '-odd'], cwd)).toMatchObject({ command: 'open', folder: resolve(cwd, '-odd') });
  });
});

describe('serve', () => {
  it('defaults to loopback and port 4780', () => {
    expect(parseCommandLine(['serve', 'set'], cwd)).toEqual({
      command: 'serve',
      folder: resolve(cwd, 'set'),
      host: '127.0.0.1',
      port: 4780,
      exportDir: null,
      keepApiKeys: false,
    });
    expect(parseCommandLine(['serve', 'set', '--keep-api-keys'], cwd)).toMatchObject({ keepApiKeys: true });
  });

  it('takes --export-dir, resolved against the cwd', () => {
    expect(parseCommandLine(['serve', 'set', '--export-dir', '../exports'], cwd)).toMatchObject({ exportDir: resolve(cwd, '../exports') });
    expect(parseCommandLine(['serve', 'set', '--export-dir=/srv/out'], cwd)).toMatchObject({ exportDir: resolve('/srv/out') });
    expect(errorOf(['serve', 'set', '--export-dir', ''])).toMatch(/--export-dir is an empty string/);
    expect(errorOf(['serve', 'set', '--export-dir'])).toMatch(/export-dir/);
    expect(errorOf(['export', 'set', '--target', 'civitai', '--out', 'x.zip', '--export-dir', 'd'])).toMatch(/export-dir/);
  });

  it('accepts port 0 (any free port), host names and IP literals', () => {
    expect(parseCommandLine(['serve', 'set', '--port', '0'], cwd)).toMatchObject({ port: 0 });
    expect(parseCommandLine(['serve', 'set', '--host', '0.0.0.0'], cwd)).toMatchObject({ host: '0.0.0.0' });
    expect(parseCommandLine(['serve', 'set', '--host', '[::1]'], cwd)).toMatchObject({ host: '::1' });
    expect(parseCommandLine(['serve', 'set', '--host=gpu-box.lan'], cwd)).toMatchObject({ host: 'gpu-box.lan' });
  });

  it.each([['65536'], ['-1'], ['80a'], [''], ['1e3']])('refuses --port %j', (port) => {
    expect(errorOf(['serve', 'set', `--port=${port}`])).toMatch(/--port/);
  });

  it('refuses a host that is not a host', () => {
    expect(errorOf(['serve', 'set', '--host', 'evil.com/path'])).toMatch(/--host/);
    expect(errorOf(['serve', 'set', '--host', 'a:80'])).toMatch(/--host/);
  });

  it('needs exactly one folder and no open-only options', () => {
    expect(errorOf(['serve'])).toMatch(/takes one folder, got none/);
    expect(errorOf(['serve', 'a', 'b'])).toMatch(/takes one folder/);
    expect(errorOf(['serve', 'a', '--prefix', 'x'])).toMatch(/prefix/);
  });
});

describe('export', () => {
  it('parses every option and resolves --out against the cwd', () => {
    expect(
      parseCommandLine(
        ['export', 'set', '--target', 'kohya', '--out', 'zips/set.zip', '--trigger', ' ohwx man ', '--max-side', '1024', '--format', 'webp', '--keep-metadata'],
        cwd,
      ),
    ).toEqual({
      command: 'export',
      folder: resolve(cwd, 'set'),
      target: 'kohya',
      out: resolve(cwd, 'zips/set.zip'),
      trigger: 'ohwx man',
      maxSide: 1024,
      format: 'webp',
      keepMetadata: true,
    });
  });

  it('has defaults for the optional parts', () => {
    expect(parseCommandLine(['export', 'set', '--target', 'civitai', '--out', '/tmp/o.zip'], cwd)).toMatchObject({
      trigger: null,
      maxSide: null,
      format: 'keep',
      keepMetadata: false,
    });
  });

  it('requires --target and --out and checks their values', () => {
    expect(errorOf(['export', 'set', '--out', 'o'])).toMatch(/--target is required/);
    expect(errorOf(['export', 'set', '--target', 'kohya'])).toMatch(/--out PATH is required/);
    expect(errorOf(['export', 'set', '--target', 'dreambooth', '--out', 'o'])).toMatch(/--target must be one of/);
    expect(errorOf(['export', 'set', '--target', 'kohya', '--out', 'o', '--format', 'gif'])).toMatch(/--format/);
    expect(errorOf(['export', 'set', '--target', 'kohya', '--out', 'o', '--max-side', '0'])).toMatch(/--max-side/);
    expect(errorOf(['export', 'set', '--target', 'kohya', '--out', 'o', '--trigger', 'a, b'])).toMatch(/--trigger/);
  });
});

describe('help and version', () => {
  it('wins over everything else before --', () => {
    expect(parseCommandLine(['serve', 'x', '--help'], cwd)).toMatchObject({ command: 'help' });
    expect(parseCommandLine(['-h'], cwd)).toMatchObject({ command: 'help' });
    expect(parseCommandLine(['--version'], cwd)).toEqual({ command: 'version' });
    expect(parseCommandLine(['--', '--help'], cwd)).toMatchObject({ command: 'open', folder: resolve(cwd, '--help') });
  });
});
