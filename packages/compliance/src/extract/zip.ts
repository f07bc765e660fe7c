import { Inflate } from 'fflate';
import { ExtractionError } from './errors.ts';

// We read the ZIP central directory ourselves and inflate with fflate's streaming Inflate, so sizes
// and entry counts are checked before any decompression and the real output is counted as it is
// produced: a header that lies about sizes cannot make us allocate more than the budget.

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
// Deflate expands at most ~1032x, so one pushed chunk can overshoot the budget by at most ~8 MB.
const INFLATE_CHUNK = 8 * 1024;

const corrupt = (detail: string) =>
  new ExtractionError('corrupt', `The file is a damaged ZIP archive (${detail}).`);

/** Lists entries from the central directory, or throws `corrupt`/`too_large`. Nothing is decompressed. */
export function readZipDirectory(zip: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw corrupt('ZIP64 archives are not supported');
  if (count > maxEntries) {
    throw new ExtractionError(
      'too_large',
      `The archive has ${count} entries; at most ${maxEntries} are accepted.`,
    );
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let p = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || view.getUint32(p, true) !== CENTRAL_SIGNATURE)
      throw corrupt('bad central directory');
    const nameLength = view.getUint16(p + 28, true);
    const next = p + 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (next > zip.length) throw corrupt('central directory past the end');
    entries.push({
      name: decoder.decode(zip.subarray(p + 46, p + 46 + nameLength)),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    });
    p = next;
  }
  return entries;
}

/** A shared allowance of decompressed bytes across all entries read from one archive. */
export interface InflateBudget {
  remaining: number;
  limit: number;
}

const overBudget = (budget: InflateBudget) =>
  new ExtractionError(
    'too_large',
    `The document expands to more than ${Math.round(budget.limit / 1024 / 1024)} MB when decompressed; it may be a ZIP bomb.`,
  );

/** Returns the entry's decompressed bytes, charging them to `budget` as they are produced. */
export function readZipEntry(zip: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  if (entry.flags & 1) throw new ExtractionError('encrypted', 'The document is password-protected.');
  if (entry.size > budget.remaining) throw overBudget(budget);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > zip.length || view.getUint32(local, true) !== LOCAL_SIGNATURE)
    throw corrupt('bad local header');
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw corrupt(`${entry.name} is truncated`);
  const data = zip.subarray(start, end);
  if (entry.method === 0) {
    budget.remaining -= data.length;
    return data;
  }
  if (entry.method !== 8) throw corrupt(`unsupported compression method ${entry.method}`);
  return inflateBounded(data, budget, entry.name);
}

function inflateBounded(data: Uint8Array, budget: InflateBudget, name: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > budget.remaining) throw overBudget(budget);
    chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += INFLATE_CHUNK) {
      inflate.push(data.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= data.length);
    }
    if (data.length === 0) inflate.push(data, true);
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    throw corrupt(`${name} cannot be decompressed`);
  }
  budget.remaining -= total;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
