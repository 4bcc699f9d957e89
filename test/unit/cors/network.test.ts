// Where the page and the server are: address spaces, mixed content and Local
// Network Access, decided without I/O (the addresses here are never contacted).
import { describe, expect, it } from 'vitest';
import {
  addressSpaceOfIp,
  hostAddressSpace,
  localNetworkAccess,
  mixedContent,
  pageOf,
} from '../../../src/cors/network.js';

describe('address spaces', () => {
  it('sorts addresses as Chromium does: loopback, the local network, the rest', () => {
    for (const ip of ['127.0.0.1', '127.9.9.9', '0.0.0.0', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(addressSpaceOfIp(ip), ip).toBe('local');
    }
    for (const ip of [
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.20',
      '169.254.1.1',
      '100.64.0.1',
      'fc00::1',
      'fd12::1',
      'fe80::1',
      '::ffff:192.168.0.1',
    ]) {
      expect(addressSpaceOfIp(ip), ip).toBe('private');
    }
    for (const ip of ['8.8.8.8', '172.32.0.1', '172.15.0.1', '192.169.0.1', '100.128.0.1', '2001:db8::1']) {
      expect(addressSpaceOfIp(ip), ip).toBe('public');
    }
    expect(addressSpaceOfIp('example.com')).toBeUndefined();
  });

  it('knows localhost names without resolving them, and leaves other names to the resolver', () => {
    expect(hostAddressSpace('localhost')).toBe('local');
    expect(hostAddressSpace('app.localhost')).toBe('local');
    expect(hostAddressSpace('LOCALHOST.')).toBe('local');
    expect(hostAddressSpace('localhost.example')).toBeUndefined();
    expect(hostAddressSpace('ollama.lan')).toBeUndefined();
  });

  it('reads the page from its origin: a name is public, an address or localhost is what it is', () => {
    expect(pageOf('https://example.com')).toEqual({ space: 'public', secure: true });
    expect(pageOf('http://example.com')).toEqual({ space: 'public', secure: false });
    expect(pageOf('http://localhost:5173')).toEqual({ space: 'local', secure: true });
    expect(pageOf('http://127.0.0.1:8080')).toEqual({ space: 'local', secure: true });
    expect(pageOf('http://192.168.1.5:3000')).toEqual({ space: 'private', secure: false });
    expect(pageOf('http://[::1]:3000')).toEqual({ space: 'local', secure: true });
  });

  it('takes address-space when given, and counts file://, extension and app pages as on this machine', () => {
    expect(pageOf('http://127.0.0.1:8080', 'public')).toEqual({ space: 'public', secure: true });
    expect(pageOf('https://intranet.example', 'private')).toEqual({ space: 'private', secure: true });
    expect(pageOf('null')).toEqual({ space: 'local', secure: true });
    expect(pageOf('null', 'public')).toEqual({ space: 'public', secure: true });
    expect(pageOf('chrome-extension://abcdefghijklmnopabcdefghijklmnop')).toEqual({ space: 'local', secure: true });
    expect(pageOf('app://obsidian.md')).toEqual({ space: 'local', secure: true });
  });
});

describe('mixed content', () => {
  it('blocks an https page calling http:// on any host but loopback', () => {
    expect(mixedContent('https://app.example', 'http://192.168.1.20:11434/api/chat')?.code).toBe('MixedContent');
    expect(mixedContent('https://app.example', 'http://ollama.lan/api/chat')?.code).toBe('MixedContent');
    expect(mixedContent('https://app.example', 'http://api.example/v1')?.level).toBe('fail');
  });
  it('lets http://127.0.0.1 and http://localhost through, and says nothing for http pages or https targets', () => {
    expect(mixedContent('https://app.example', 'http://127.0.0.1:11434/api/chat')).toBeNull();
    expect(mixedContent('https://app.example', 'http://localhost:11434/api/chat')).toBeNull();
    expect(mixedContent('https://app.example', 'http://[::1]:11434/')).toBeNull();
    expect(mixedContent('http://app.example', 'http://192.168.1.20/')).toBeNull();
    expect(mixedContent('https://app.example', 'https://192.168.1.20/')).toBeNull();
    expect(mixedContent('null', 'http://192.168.1.20/')).toBeNull();
  });
});

describe('Local Network Access', () => {
  const url = 'http://127.0.0.1:11434/api/chat';
  it('an insecure public page calling loopback is blocked before anything is sent', () => {
    const f = localNetworkAccess({ space: 'public', secure: false }, 'local', url);
    expect(f).toMatchObject({ code: 'InsecureLocalNetwork', level: 'fail' });
    expect(f!.message).toContain('not a secure context');
    expect(f!.message).toContain('loopback');
  });
  it('a secure public page calling loopback or the local network needs the user to allow it', () => {
    const f = localNetworkAccess({ space: 'public', secure: true }, 'local', url);
    expect(f).toMatchObject({ code: 'LocalNetworkAccessPrompt', level: 'warn' });
    expect(f!.message).toContain('headless browsers deny it');
    expect(localNetworkAccess({ space: 'public', secure: true }, 'private', url)?.code).toBe(
      'LocalNetworkAccessPrompt',
    );
    expect(localNetworkAccess({ space: 'private', secure: true }, 'local', url)?.code).toBe('LocalNetworkAccessPrompt');
  });
  it('says nothing when the server is no more private than the page', () => {
    expect(localNetworkAccess({ space: 'public', secure: false }, 'public', url)).toBeNull();
    expect(localNetworkAccess({ space: 'private', secure: false }, 'private', url)).toBeNull();
    expect(localNetworkAccess({ space: 'local', secure: false }, 'local', url)).toBeNull();
    expect(localNetworkAccess({ space: 'local', secure: true }, 'private', url)).toBeNull();
  });
});
