// A self-signed certificate for 127.0.0.1, made with node:crypto alone so the
// tests need no openssl binary. Node has no API that builds an X.509
// certificate, so this writes the few DER structures one needs (RFC 5280) and
// signs them with an ECDSA P-256 key.
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

// ------------------------------------------------------------ DER encoding

function der(tag: number, content: Buffer): Buffer {
  const n = content.length;
  let len: Buffer;
  if (n < 0x80) len = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
    len = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), len, content]);
}

const seq = (...items: Buffer[]) => der(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => der(0x31, Buffer.concat(items));
const explicit = (n: number, inner: Buffer) => der(0xa0 + n, inner);
const utf8 = (s: string) => der(0x0c, Buffer.from(s, 'utf8'));
const octets = (b: Buffer) => der(0x04, b);
const bits = (b: Buffer) => der(0x03, Buffer.concat([Buffer.from([0]), b]));

function int(b: Buffer): Buffer {
  // DER integers are signed: a leading 1 bit needs a zero byte before it.
  return der(0x02, b[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
}

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [a! * 40 + b!];
  for (const v of rest) {
    const chunk = [v & 0x7f];
    for (let x = Math.floor(v / 128); x > 0; x = Math.floor(x / 128)) chunk.unshift(0x80 | (x & 0x7f));
    out.push(...chunk);
  }
  return der(0x06, Buffer.from(out));
}

/** UTCTime, YYMMDDHHMMSSZ: good for years 1950 to 2049. */
function utcTime(d: Date): Buffer {
  const iso = d.toISOString(); // 2026-12-01T22:53:07.123Z
  const s =
    iso.slice(2, 4) +
    iso.slice(5, 7) +
    iso.slice(8, 10) +
    iso.slice(11, 13) +
    iso.slice(14, 16) +
    iso.slice(17, 19) +
    'Z';
  return der(0x17, Buffer.from(s, 'latin1'));
}

// ------------------------------------------------------------ certificate

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const COMMON_NAME = '2.5.4.3';
const SUBJECT_ALT_NAME = '2.5.29.17';

function ipv4(ip: string): Buffer {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255))
    throw new Error(`not an IPv4 address: ${ip}`);
  return Buffer.from(parts);
}

/**
 * A certificate for `ip` (CN and subjectAltName IP), signed by its own key and
 * valid from an hour ago for a day: what `openssl req -x509 -newkey ec
 * -subj /CN=<ip> -addext subjectAltName=IP:<ip> -days 1` makes.
 */
export function selfSignedCert(ip = '127.0.0.1', now = new Date()): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const name = seq(set(seq(oid(COMMON_NAME), utf8(ip))));
  const algorithm = seq(oid(ECDSA_WITH_SHA256));
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01; // positive, not zero
  // subjectAltName: GeneralNames with one iPAddress, [7] IMPLICIT OCTET STRING.
  const san = seq(oid(SUBJECT_ALT_NAME), octets(seq(der(0x87, ipv4(ip)))));
  const tbs = seq(
    explicit(0, int(Buffer.from([2]))), // v3
    int(serial),
    algorithm,
    name,
    seq(utcTime(new Date(now.getTime() - 3600_000)), utcTime(new Date(now.getTime() + 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, seq(san)),
  );
  const signature = sign('sha256', tbs, privateKey); // DER ECDSA-Sig-Value
  const cert = seq(tbs, algorithm, bits(signature));
  const pem = (label: string, body: Buffer) =>
    `-----BEGIN ${label}-----\n${body
      .toString('base64')
      .match(/.{1,64}/g)!
      .join('\n')}\n-----END ${label}-----\n`;
  return { key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, cert: pem('CERTIFICATE', cert) };
}
