import { beforeEach, vi } from 'vitest';
import { resetElectronStub } from './electron-stub';

// `electron` is stubbed once for every shell test: the real module throws in
// plain Node when its binary was not downloaded. Each test file imports this
// first; listed in vitest's setupFiles it would run before every file anyway.
vi.mock('electron', () => import('./electron-stub'));

beforeEach(() => resetElectronStub());
