// better-sqlite3 is a native module built for one ABI at a time: Node's for the
// tests, the serve transport and the bench; Electron's for the desktop app.
// Rebuild only when the one installed does not match what is about to run.
import { execSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const target = process.argv[2];
const require = createRequire(import.meta.url);

if (target === 'node') {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.log('better-sqlite3 is not built for this Node: rebuilding it…');
    execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
  }
} else if (target === 'electron') {
  let electronPath = null;
  try {
    electronPath = require('electron');
  } catch {
    console.error('The Electron binary is not installed (it downloads during `npm install` unless ELECTRON_SKIP_BINARY_DOWNLOAD is set).');
    console.error('Without it, use the browser UI: npm run serve -- <folder>');
    process.exit(1);
  }
  const probe = spawnSync(electronPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (probe.status !== 0) {
    console.log('better-sqlite3 is not built for Electron: rebuilding it…');
    execSync('npx electron-builder install-app-deps', { stdio: 'inherit' });
  }
} else {
  console.error('usage: ensure-native.mjs node|electron');
  process.exit(2);
}
