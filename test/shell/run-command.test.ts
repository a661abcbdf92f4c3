import './setup';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { parseCommandLine } from '../../src-main/cli/parse-args';
import { runCommand } from '../../src-main/electron/run-command';
import { app, BrowserWindow } from './electron-stub';

const served = vi.hoisted(() => ({ close: vi.fn(async () => undefined) }));
vi.mock('../../src-main/serve/run-serve', () => ({
  runServe: vi.fn(async () => ({ url: 'http://127.0.0.1:4780/?token=t', token: 't', close: served.close })),
}));
const { runServe } = await import('../../src-main/serve/run-serve');
vi.mock('../../src-main/cli/export-command', () => ({ runExportCommand: vi.fn(async () => 1) }));
const { runExportCommand } = await import('../../src-main/cli/export-command');
vi.mock('../../src-main/cli/caption-command', () => ({ runCaptionCommand: vi.fn(async () => 0) }));
const { runCaptionCommand } = await import('../../src-main/cli/caption-command');
vi.mock('../../src-main/cli/autotag-command', () => ({ runAutotagCommand: vi.fn(async () => 3) }));
const { runAutotagCommand } = await import('../../src-main/cli/autotag-command');

const flush = () => new Promise((resolve) => setImmediate(resolve));
const run = (args: string[]) => runCommand(parseCommandLine(args, '/home/ana'), { launchArgs: args, bundleDir: '/opt/lora-tagger/out' });

let stdout: MockInstance;
let stderr: MockInstance;
const signalsBefore = new Set(process.listeners('SIGINT'));
beforeEach(() => {
  stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.mocked(runServe).mockClear();
});
afterEach(() => {
  stdout.mockRestore();
  stderr.mockRestore();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) if (!signalsBefore.has(listener)) process.off(signal, listener);
  }
});

describe('runCommand', () => {
  it("export: runs the export without a window and exits with the runner's code", async () => {
    run(['export', 'set', '--target', 'kohya', '--out', 'o.zip']);
    await flush();
    expect(runExportCommand).toHaveBeenCalledWith(
      expect.objectContaining({ command: 'export', folder: '/home/ana/set', target: 'kohya', out: '/home/ana/o.zip' }),
      expect.objectContaining({ version: expect.any(String) }),
    );
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(BrowserWindow.created).toHaveLength(0);
  });

  it("caption: captions without a window and exits with the runner's code", async () => {
    run(['caption', 'set', '--backend', 'http://127.0.0.1:11434', '--model', 'qwen2.5vl']);
    await flush();
    expect(runCaptionCommand).toHaveBeenCalledWith(
      expect.objectContaining({ command: 'caption', folder: '/home/ana/set', kind: 'ollama', model: 'qwen2.5vl' }),
      expect.objectContaining({ version: expect.any(String) }),
    );
    expect(app.exit).toHaveBeenCalledWith(0);
    expect(BrowserWindow.created).toHaveLength(0);
  });

  it("autotag: tags without a window and exits with the runner's code (it once had no case and the binary never exited)", async () => {
    run(['autotag', 'set', '--model', '/models/wd']);
    await flush();
    expect(runAutotagCommand).toHaveBeenCalledWith(
      expect.objectContaining({ command: 'autotag', folder: '/home/ana/set' }),
      expect.objectContaining({ version: expect.any(String) }),
    );
    expect(app.exit).toHaveBeenCalledWith(3);
    expect(BrowserWindow.created).toHaveLength(0);
  });

  it('help and version print to stdout and exit 0', () => {
    run(['--help']);
    expect(stdout).toHaveBeenCalledWith(expect.stringContaining('lora-tagger serve <folder>'));
    run(['--version']);
    expect(stdout).toHaveBeenCalledWith('LoRA Tagger 9.9.9\n');
    expect(app.exit.mock.calls).toEqual([[0], [0]]);
  });

  it('a bad command line prints the reason and the usage to stderr and exits 2', () => {
    run(['serve']);
    expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/^lora-tagger: .*takes one folder[\s\S]*Usage:/));
    expect(app.exit).toHaveBeenCalledWith(2);
  });

  it("serve: starts the server with the desktop app's folders, opens no window, and stops on Ctrl+C", async () => {
    run(['serve', 'set', '--port', '0']);
    await flush();
    expect(runServe).toHaveBeenCalledWith(
      { command: 'serve', folder: expect.stringMatching(/set$/), host: '127.0.0.1', port: 0, exportDir: null, keepApiKeys: false },
      { userDataDir: '/fake/userData', cacheDir: expect.any(String), version: '9.9.9' },
    );
    expect(BrowserWindow.created).toHaveLength(0);
    process.emit('SIGINT');
    await flush();
    expect(served.close).toHaveBeenCalledOnce();
    expect(app.exit).toHaveBeenCalledWith(0);
  });

  it('serve: a server that cannot start (port taken) exits 1 with the reason', async () => {
    vi.mocked(runServe).mockRejectedValueOnce(new Error('listen EADDRINUSE 127.0.0.1:4780'));
    run(['serve', 'set']);
    await flush();
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('EADDRINUSE'));
    expect(app.exit).toHaveBeenCalledWith(1);
  });
});
