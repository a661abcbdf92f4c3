import { describe, expect, it } from 'vitest';
import { createEventQueue, MAX_QUEUED_EVENTS, type EventTarget } from '../../src-main/electron/event-queue';

function target(): EventTarget & { sent: unknown[]; destroyed: boolean } {
  const t = {
    sent: [] as unknown[],
    destroyed: false,
    send: (_channel: string, message: unknown) => {
      t.sent.push(message);
    },
    isDestroyed: () => t.destroyed,
  };
  return t;
}

const progress = (done: number) => ({ jobId: 'j', kind: 'scan' as const, label: 'Scanning', done, total: 5000 });

describe('createEventQueue', () => {
  it('holds events pushed before any window exists and delivers them once its page is ready', () => {
    const events = createEventQueue();
    events.push('folder.requested', { path: '/a' });
    const page = target();
    events.attach(page);
    expect(page.sent).toEqual([]);
    events.markReady(page);
    expect(page.sent).toEqual([{ event: 'folder.requested', payload: { path: '/a' } }]);
  });

  it('holds events again while the page reloads', () => {
    const events = createEventQueue();
    const page = target();
    events.attach(page);
    events.markReady(page);
    events.markNotReady(page);
    events.push('menu.command', { command: 'save' });
    expect(page.sent).toEqual([]);
    events.markReady(page);
    expect(page.sent).toHaveLength(1);
  });

  it('ignores a ready signal from contents it is not attached to, and a destroyed page', () => {
    const events = createEventQueue();
    const page = target();
    events.attach(page);
    events.markReady(target());
    events.push('menu.command', { command: 'save' });
    expect(page.sent).toEqual([]);

    events.markReady(page);
    page.destroyed = true;
    events.push('menu.command', { command: 'next' });
    expect(page.sent).toHaveLength(1);
  });

  it('keeps at most MAX_QUEUED_EVENTS, dropping old progress before a requested folder', () => {
    const events = createEventQueue();
    events.push('folder.requested', { path: '/a' });
    for (let i = 0; i < MAX_QUEUED_EVENTS + 50; i++) events.push('job.progress', progress(i));
    const page = target();
    events.attach(page);
    events.markReady(page);
    expect(page.sent).toHaveLength(MAX_QUEUED_EVENTS);
    expect(page.sent[0]).toEqual({ event: 'folder.requested', payload: { path: '/a' } });
    expect(page.sent.at(-1)).toEqual({ event: 'job.progress', payload: progress(MAX_QUEUED_EVENTS + 49) });
  });
});
