import { crc32, deflateRawSync } from "node:zlib";

/**
 * ZIPs written byte by byte for the abuse tests, so that names and size fields can be anything an attacker writes
 * (a real library would refuse to write them).
 */
export interface RawEntry {
  name: string;
  /** the deflated data, with the real CRC and size */
  data: Buffer;
  crc: number;
  size: number;
  /** what the headers claim instead of the real size */
  declared?: number;
}

export const deflated = (name: string, content: Uint8Array | string, declared?: number): RawEntry => {
  const raw = typeof content === "string" ? Buffer.from(content) : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length, ...(declared !== undefined ? { declared } : {}) };
};

/** A ZIP written byte by byte (so names and sizes can be anything an attacker writes). */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const n = Buffer.from(e.name, "utf8");
    const size = e.declared ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, e.data);
    centrals.push(central, n);
    offset += 30 + n.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
