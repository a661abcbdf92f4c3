/**
 * The two IPC names of the bridge itself, beside the contract's request channels.
 * Shared by the preload and src-main/electron/ipc.ts; plain constants so both
 * bundles can import them.
 */

/** main → renderer: every contract event, as `{ event, payload }` */
export const EVENT_CHANNEL = 'tagger:event';

/** renderer → main: the page is listening; main flushes the events it held back */
export const READY_CHANNEL = 'tagger:ready';
