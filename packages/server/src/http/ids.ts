import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** 24-hex ids as Qlik uses for most resources. */
export function newId(): string {
  return randomBytes(12).toString('hex');
}

/** Apps use UUIDs, as in Qlik Cloud. */
export function newAppId(): string {
  return randomUUID();
}

/** 32-hex W3C-style trace id. */
export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

/** High-entropy secrets (API keys, session ids) need only a fast hash. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(sha256(a), 'hex');
  const right = Buffer.from(sha256(b), 'hex');
  return timingSafeEqual(left, right);
}

export function nowIso(): string {
  return new Date().toISOString();
}
