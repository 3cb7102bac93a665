/** Appends blocks into one growing byte buffer, each block aligned to 8 bytes. */
export class ByteWriter {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;

  get size(): number {
    return this.length;
  }

  raw(block: Uint8Array): void {
    this.reserve(block.length);
    this.bytes.set(block, this.length);
    this.length += block.length;
  }

  u32(value: number): void {
    const block = new Uint8Array(4);
    new DataView(block.buffer).setUint32(0, value, true);
    this.raw(block);
  }

  /** A typed array's bytes as one block (platform byte order: little-endian, checked on read). */
  block(view: ArrayBufferView): void {
    this.raw(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    this.align();
  }

  align(): void {
    const pad = (8 - (this.length % 8)) % 8;
    this.reserve(pad);
    this.bytes.fill(0, this.length, this.length + pad);
    this.length += pad;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let capacity = this.bytes.length;
    while (capacity < this.length + extra) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

/** A 32-bit checksum of bytes (multiplicative hash); detects corruption, not tampering. */
export function checksum(bytes: Uint8Array, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < end; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  return hash >>> 0;
}
