import './setup';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SHUTDOWN_TIMEOUT_MS, setupShutdownOnQuit } from '../../src-main/electron/shutdown-on-quit';
import { app } from './electron-stub';
import { fakeHost } from './fake-host';

function quitEvent() {
  return { preventDefault: vi.fn() };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

// the code under test adds signal listeners; remove only those, not the test runner's own
const signals = ['SIGINT', 'SIGTERM'] as const;
const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
afterEach(() => {
  vi.useRealTimers();
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)?.has(listener)) process.off(signal, listener);
  }
});

describe('setupShutdownOnQuit', () => {
  it('holds the quit, closes the session once, then quits for real', async () => {
    const { host } = fakeHost();
    let finish = (): void => {};
    host.shutdown.mockImplementationOnce(() => new Promise<undefined>((resolve) => (finish = () => resolve(undefined))));
    setupShutdownOnQuit(host);

    const first = quitEvent();
    app.emit('before-quit', first);
    const second = quitEvent(); // Ctrl+Q again while closing
    app.emit('before-quit', second);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(second.preventDefault).toHaveBeenCalled();
    expect(host.shutdown).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();

    finish();
    await flush();
    expect(app.quit).toHaveBeenCalledOnce();

    const last = quitEvent(); // the quit that app.quit() starts goes through
    app.emit('before-quit', last);
    expect(last.preventDefault).not.toHaveBeenCalled();
    expect(host.shutdown).toHaveBeenCalledOnce();
  });

  it('quits even when closing the session fails, and says why', async () => {
    const { host } = fakeHost();
    host.shutdown.mockRejectedValueOnce(new Error('disk gone'));
    const log = vi.fn();
    setupShutdownOnQuit(host, log);
    app.emit('before-quit', quitEvent());
    await flush();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('disk gone'));
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('quits after a timeout when shutdown never answers', async () => {
    vi.useFakeTimers();
    const { host } = fakeHost();
    host.shutdown.mockImplementationOnce(() => new Promise<undefined>(() => {}));
    const log = vi.fn();
    setupShutdownOnQuit(host, log);
    app.emit('before-quit', quitEvent());
    await vi.advanceTimersByTimeAsync(SHUTDOWN_TIMEOUT_MS);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('no answer'));
  });

  it('quits when the window closes, and on Ctrl+C in the terminal', () => {
    const { host } = fakeHost();
    setupShutdownOnQuit(host);
    app.emit('window-all-closed');
    process.emit('SIGINT');
    expect(app.quit).toHaveBeenCalledTimes(2);
  });
});
