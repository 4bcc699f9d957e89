// The certificate the self-signed TLS server uses, made without openssl.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCert } from './cert.js';

/** Connects to the server and reports how certificate verification went. */
function handshake(port: number, ca?: string): Promise<{ ok: true } | { ok: false; code: string }> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port, ...(ca ? { ca } : {}) }, () => {
      s.end();
      resolve({ ok: true });
    });
    s.on('error', (e: NodeJS.ErrnoException) => resolve({ ok: false, code: e.code ?? e.message }));
  });
}

describe('selfSignedCert', () => {
  const now = new Date();
  const { key, cert } = selfSignedCert('127.0.0.1', now);
  const x = new X509Certificate(cert);

  it('is a certificate for 127.0.0.1 signed by its own key', () => {
    expect(x.subject).toBe('CN=127.0.0.1');
    expect(x.issuer).toBe('CN=127.0.0.1');
    expect(x.subjectAltName).toBe('IP Address:127.0.0.1');
    expect(x.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x.checkIP('127.0.0.2')).toBeUndefined();
    expect(x.verify(x.publicKey)).toBe(true);
    expect(x.checkIssued(x)).toBe(true);
    expect(x.checkPrivateKey(createPrivateKey(key))).toBe(true);
    expect(x.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('is valid now, for a day', () => {
    expect(x.validFromDate.getTime()).toBeLessThan(now.getTime());
    expect(x.validToDate.getTime()).toBeGreaterThan(now.getTime());
    expect(x.validToDate.getTime() - now.getTime()).toBeLessThanOrEqual(86_400_000);
  });

  it('differs on every call', () => {
    expect(new X509Certificate(selfSignedCert().cert).serialNumber).not.toBe(x.serialNumber);
  });

  describe('served over TLS', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createServer({ key, cert }, (_req, res) => res.end());
      server.on('tlsClientError', () => undefined);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('is refused as self-signed by a client that does not trust it', async () => {
      expect(await handshake(port)).toEqual({ ok: false, code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    });

    it('is accepted for 127.0.0.1 by a client that trusts it', async () => {
      expect(await handshake(port, cert)).toEqual({ ok: true });
    });
  });
});
