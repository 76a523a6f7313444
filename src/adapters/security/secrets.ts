import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import type { Secrets } from "../../app/ports.ts";

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 64;

function scryptAsync(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEYLEN, { N: n, r, p, maxmem: 256 * n * r }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Node's crypto: 32-byte random tokens, SHA-256 digests, scrypt (memory-hard) password hashes. */
export const nodeSecrets: Secrets = {
  token: () => randomBytes(32).toString("base64url"),
  digest: (value) => createHash("sha256").update(value).digest("hex"),
  async hashPassword(password) {
    const salt = randomBytes(16);
    const key = await scryptAsync(password, salt, N, R, P);
    return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
  },
  async verifyPassword(password, stored) {
    const [kind, n, r, p, salt, hash] = stored.split("$");
    if (kind !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
    const expected = Buffer.from(hash, "base64url");
    const key = await scryptAsync(password, Buffer.from(salt, "base64url"), Number(n), Number(r), Number(p));
    return expected.length === key.length && timingSafeEqual(expected, key);
  },
};
