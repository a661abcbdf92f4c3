import './setup';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { setupSingleInstance } from '../../src-main/electron/single-instance';
import { app } from './electron-stub';

function setup(handoff = { args: [] as string[], cwd: '/home/ana' }) {
  const onFolder = vi.fn();
  const focus = vi.fn();
  const first = setupSingleInstance({ handoff, onFolder, focus });
  return { first, onFolder, focus };
}

describe('setupSingleInstance', () => {
  it("sends this launch's own arguments and cwd along with the lock request", () => {
    setup({ args: ['cats'], cwd: '/home/ana' });
    expect(app.requestSingleInstanceLock).toHaveBeenCalledWith({ args: ['cats'], cwd: '/home/ana' });
  });

  it('reports a second instance, which then registers nothing', () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    const { first } = setup();
    expect(first).toBe(false);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it("forwards a second launch's folder, resolved against that launch's cwd, and focuses the window", () => {
    const { first, onFolder, focus } = setup();
    expect(first).toBe(true);
    app.emit('second-instance', {}, ['/usr/bin/lora-tagger', 'ignored'], '/tmp', { args: ['../dogs'], cwd: '/home/ana/cats' });
    expect(onFolder).toHaveBeenCalledExactlyOnceWith(resolve('/home/ana/cats', '../dogs'));
    expect(focus).toHaveBeenCalledOnce();
  });

  it('only focuses when the second launch named no folder, or a command that is not open', () => {
    const { onFolder, focus } = setup();
    app.emit('second-instance', {}, [], '/tmp', { args: [], cwd: '/home/ana' });
    app.emit('second-instance', {}, [], '/tmp', { args: ['--prefix', 'a/b'], cwd: '/home/ana' });
    expect(onFolder).not.toHaveBeenCalled();
    expect(focus).toHaveBeenCalledTimes(2);
  });

  it("falls back to the reported argv when additionalData is not the app's (an older build)", () => {
    app.isPackaged = true;
    const { onFolder } = setup();
    app.emit('second-instance', {}, ['/usr/bin/lora-tagger', '--original-process-start-time=1', 'birds'], '/srv/sets', { args: 'nope' });
    expect(onFolder).toHaveBeenCalledExactlyOnceWith(resolve('/srv/sets', 'birds'));
  });
});
