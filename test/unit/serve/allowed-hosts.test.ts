import { describe, expect, it } from 'vitest';
import { allowedHosts, hostAllowed } from '../../../src-main/serve/allowed-hosts';

describe('allowedHosts', () => {
  it('answers to the loopback names and the host it was told to listen on, on its port only', () => {
    const hosts = allowedHosts('tagger.lan', 4780);
    for (const host of ['127.0.0.1:4780', 'localhost:4780', '[::1]:4780', 'tagger.lan:4780', 'Tagger.LAN:4780']) {
      expect(hostAllowed(hosts, host)).toBe(true);
    }
    for (const host of ['evil.example:4780', 'tagger.lan:4781', 'tagger.lan', '127.0.0.1']) expect(hostAllowed(hosts, host)).toBe(false);
    expect(hostAllowed(hosts, undefined)).toBe(false);
  });

  it('writes an IPv6 listen address in brackets', () => {
    expect(hostAllowed(allowedHosts('fd00::5', 4780), '[fd00::5]:4780')).toBe(true);
    expect(hostAllowed(allowedHosts('::', 4780), '[::]:4780')).toBe(true);
  });

  it('listening on every address, answers to the printed wildcard and the loopback names, not to any name', () => {
    const hosts = allowedHosts('0.0.0.0', 4780);
    expect(hostAllowed(hosts, '0.0.0.0:4780')).toBe(true);
    expect(hostAllowed(hosts, '127.0.0.1:4780')).toBe(true);
    expect(hostAllowed(hosts, 'evil.example:4780')).toBe(false);
  });
});
