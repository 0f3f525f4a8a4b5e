import { crc32, deflateRawSync } from 'node:zlib';

/** The fields a local header (at 4) and a directory header (at 6) share: version, flags, method, time, sizes, name. */
function commonFields(header: Buffer, at: number, raw: Buffer, data: Buffer, name: Buffer): Buffer {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(8, at + 4);
  header.writeUInt32LE(crc32(raw), at + 10);
  header.writeUInt32LE(data.length, at + 14);
  header.writeUInt32LE(raw.length, at + 18);
  header.writeUInt16LE(name.length, at + 22);
  return header;
}

/** A zip file (a jar) holding `entries`, each deflated, as `jar` writes them: local headers, then the directory. */
export function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [entryName, text] of Object.entries(entries)) {
    const raw = Buffer.from(text, 'latin1');
    const data = deflateRawSync(raw);
    const name = Buffer.from(entryName, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(offset, 42);
    locals.push(commonFields(local, 4, raw, data, name), name, data);
    central.push(commonFields(header, 6, raw, data, name), name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
