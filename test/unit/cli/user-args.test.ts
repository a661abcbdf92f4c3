import { describe, expect, it } from 'vitest';
import { userArgs } from '../../../src-main/cli/user-args';

describe('userArgs', () => {
  it('packaged: everything after the executable is the user’s', () => {
    expect(userArgs(['/opt/LoRA Tagger/lora-tagger', 'cats', '--prefix', 'cat'], true)).toEqual(['cats', '--prefix', 'cat']);
  });

  it('unpackaged `electron .`: drops the app path', () => {
    expect(userArgs(['/x/electron', '.', 'cats'], false)).toEqual(['cats']);
    expect(userArgs(['/x/electron', '.'], false)).toEqual([]);
  });

  it("unpackaged under Playwright: switches come before the app path and after the user's folder", () => {
    const argv = ['/x/electron', '--inspect=0', '--remote-debugging-port=0', 'out/main/index.js', '/tmp/set', '--user-data-dir=/tmp/ud'];
    expect(userArgs(argv, false)).toEqual(['/tmp/set']);
  });

  it("drops Chromium switches anywhere but keeps the app's own options with their values", () => {
    const argv = ['/x/lora-tagger', '--no-sandbox', 'serve', 'set', '--port', '0', '--enable-logging', '--host=0.0.0.0', '--export-dir=/srv/out'];
    expect(userArgs(argv, true)).toEqual(['serve', 'set', '--port', '0', '--host=0.0.0.0', '--export-dir=/srv/out']);
  });

  it("drops macOS's -psn_ process serial number", () => {
    expect(userArgs(['/Applications/LoRA Tagger.app/Contents/MacOS/LoRA Tagger', '-psn_0_12345'], true)).toEqual([]);
  });

  it('keeps everything after -- verbatim, including the -- the parser needs', () => {
    expect(userArgs(['/x/lora-tagger', '--', '--no-sandbox'], true)).toEqual(['--', '--no-sandbox']);
  });

  it('keeps --help, -h, --version, -v', () => {
    expect(userArgs(['/x/lora-tagger', '--help', '-h', '--version', '-v'], true)).toEqual(['--help', '-h', '--version', '-v']);
  });
});
