// Evidence files built byte by byte, so tests know exactly what identifying metadata each one carries:
// an 8×8 grey baseline JPEG, a 1×1 PNG, a 1×1 lossless WebP, a one-page PDF and a ZIP.
import { crc32, deflateSync } from 'node:zlib';

const u16be = (n: number) => Buffer.from([n >> 8, n & 0xff]);

/** A JPEG marker segment: FF marker, length (payload + 2), payload. */
export function jpegSegment(marker: number, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0xff, marker]), u16be(payload.length + 2), payload]);
}

/**
 * An 8×8 grey (128) baseline JPEG: one quantisation table of ones, one-symbol Huffman tables (DC category 0,
 * AC end-of-block, each coded "0"), so the whole scan is the bits 00 padded with ones: 0x3F.
 */
export function plainJpeg(extraSegments: Buffer[] = []): Buffer {
  const app0 = jpegSegment(0xe0, Buffer.from([...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  const dqt = jpegSegment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]));
  const sof0 = jpegSegment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0]));
  const oneSymbolTable = (classAndId: number) => jpegSegment(0xc4, Buffer.from([classAndId, 1, ...Array<number>(15).fill(0), 0]));
  const sos = jpegSegment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]));
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, ...extraSegments, dqt, sof0, oneSymbolTable(0x00), oneSymbolTable(0x10), sos, Buffer.from([0x3f]), Buffer.from([0xff, 0xd9])]);
}

export interface ExifContent {
  artist?: string;
  make?: string;
  orientation?: number;
  /** Degrees south (negative) or north, written as GPSLatitudeRef + GPSLatitude. */
  latitude?: number;
}

/**
 * A little-endian TIFF structure as EXIF holds it: IFD0 with Make, Orientation, Artist and a GPS IFD pointer,
 * the GPS IFD with the latitude. Values longer than four bytes follow the IFDs.
 */
export function exifTiff(content: ExifContent): Buffer {
  type Entry = { tag: number; type: number; count: number; value: Buffer };
  const ascii = (s: string) => Buffer.from(`${s}\0`, 'latin1');
  const short = (n: number) => Buffer.from([n & 0xff, n >> 8, 0, 0]);
  const ifd0: Entry[] = [];
  if (content.make) ifd0.push({ tag: 0x010f, type: 2, count: content.make.length + 1, value: ascii(content.make) });
  if (content.orientation) ifd0.push({ tag: 0x0112, type: 3, count: 1, value: short(content.orientation) });
  if (content.artist) ifd0.push({ tag: 0x013b, type: 2, count: content.artist.length + 1, value: ascii(content.artist) });
  const gps: Entry[] = [];
  if (content.latitude !== undefined) {
    const degrees = Math.abs(content.latitude);
    const rationals = Buffer.alloc(24);
    [Math.floor(degrees), Math.floor((degrees % 1) * 60), Math.round((((degrees % 1) * 60) % 1) * 60 * 100)].forEach((v, i) => {
      rationals.writeUInt32LE(v, i * 8);
      rationals.writeUInt32LE(i === 2 ? 100 : 1, i * 8 + 4);
    });
    gps.push({ tag: 0x0001, type: 2, count: 2, value: ascii(content.latitude < 0 ? 'S' : 'N') }, { tag: 0x0002, type: 5, count: 3, value: rationals });
    ifd0.push({ tag: 0x8825, type: 4, count: 1, value: Buffer.alloc(4) }); // offset filled in below
  }
  const ifdSize = (entries: Entry[]) => 2 + 12 * entries.length + 4;
  const ifd0At = 8;
  const gpsAt = ifd0At + ifdSize(ifd0);
  let dataAt = gpsAt + (gps.length ? ifdSize(gps) : 0);
  const data: Buffer[] = [];
  const writeIfd = (entries: Entry[]) => {
    const out = Buffer.alloc(ifdSize(entries));
    out.writeUInt16LE(entries.length, 0);
    entries.forEach((e, i) => {
      const at = 2 + 12 * i;
      out.writeUInt16LE(e.tag, at);
      out.writeUInt16LE(e.type, at + 2);
      out.writeUInt32LE(e.count, at + 4);
      if (e.tag === 0x8825) out.writeUInt32LE(gpsAt, at + 8);
      else if (e.value.length <= 4) e.value.copy(out, at + 8);
      else {
        out.writeUInt32LE(dataAt, at + 8);
        data.push(e.value);
        dataAt += e.value.length;
      }
    });
    return out;
  };
  const header = Buffer.from([0x49, 0x49, 42, 0, ifd0At, 0, 0, 0]);
  const ifds = [writeIfd(ifd0), ...(gps.length ? [writeIfd(gps)] : [])];
  return Buffer.concat([header, ...ifds, ...data]);
}

/** The APP1 segment of an EXIF block. */
export const exifSegment = (content: ExifContent) => jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(content)]));

/** A photo as a phone takes it: EXIF with the author, the camera, the GPS position and the orientation; an XMP packet; a comment. */
export function jpegWithExif(content: ExifContent = { artist: 'Budi Santoso', make: 'KameraHP', orientation: 6, latitude: -6.9147 }): Buffer {
  const xmp = jpegSegment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>Budi Santoso</dc:creator></x:xmpmeta>', 'latin1'));
  const comment = jpegSegment(0xfe, Buffer.from('Budi Santoso, Jl. Merdeka 1', 'latin1'));
  return plainJpeg([exifSegment(content), xmp, comment]);
}

/** The tags of IFD0 in the first EXIF segment of a JPEG, or null when it has none. */
export function jpegExifTags(jpeg: Buffer): number[] | null {
  let i = 2;
  while (i + 4 <= jpeg.length && jpeg[i] === 0xff && jpeg[i + 1] !== 0xda) {
    const length = jpeg.readUInt16BE(i + 2);
    const payload = jpeg.subarray(i + 4, i + 2 + length);
    if (jpeg[i + 1] === 0xe1 && payload.toString('latin1', 0, 6) === 'Exif\0\0') {
      const tiff = payload.subarray(6);
      const le = tiff.toString('latin1', 0, 2) === 'II';
      const ifd = le ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
      const count = le ? tiff.readUInt16LE(ifd) : tiff.readUInt16BE(ifd);
      return Array.from({ length: count }, (_, k) => (le ? tiff.readUInt16LE(ifd + 2 + 12 * k) : tiff.readUInt16BE(ifd + 2 + 12 * k)));
    }
    i += 2 + length;
  }
  return null;
}

/** A PNG chunk with its CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A 1×1 red PNG, with an author text chunk and an eXIf chunk carrying GPS. */
export function pngWithText(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('tEXt', Buffer.from('Author\0Budi Santoso', 'latin1')),
    pngChunk('eXIf', exifTiff({ artist: 'Budi Santoso', latitude: -6.9147 })),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 200, 50, 50]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A RIFF chunk, padded to an even length. */
function riffChunk(type: string, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(type, 0, 'latin1');
  header.writeUInt32LE(data.length, 4);
  return Buffer.concat([header, data, data.length % 2 ? Buffer.from([0]) : Buffer.alloc(0)]);
}

/** A 1×1 lossless WebP (VP8L) in the extended format, announcing and carrying EXIF and XMP. */
export function webpWithExif(): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04; // EXIF and XMP present
  const vp8l = Buffer.from('2f00000010071011118888fe07', 'hex'); // 13 bytes: the 1×1 image browsers' WebP probes use
  const chunks = Buffer.concat([
    riffChunk('VP8X', vp8x),
    riffChunk('VP8L', vp8l),
    riffChunk('EXIF', exifTiff({ artist: 'Budi Santoso', latitude: -6.9147 })),
    riffChunk('XMP ', Buffer.from('<x:xmpmeta><dc:creator>Budi Santoso</dc:creator></x:xmpmeta>', 'latin1')),
  ]);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(chunks.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, chunks]);
}

/** A one-page PDF. */
export function smallPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}

/** A ZIP archive (one empty stored file): what a renamed .jpg that is not an image looks like. */
export function zipArchive(): Buffer {
  const name = Buffer.from('a.txt', 'latin1');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length, 16);
  return Buffer.concat([local, name, central, name, end]);
}

export interface MultipartPart {
  name: string;
  filename?: string;
  /** RFC 5987 form, e.g. UTF-8''foto%00.jpg (busboy decodes it). */
  filenameStar?: string;
  contentType?: string;
  content: Buffer | string;
}

export const MULTIPART_BOUNDARY = 'tenggat-evidence-boundary';

/**
 * A multipart/form-data body written by hand, for what form libraries will not send: a NUL in a file
 * name, a body cut off before its closing boundary (`truncateAt` bytes).
 */
export function multipartBody(parts: MultipartPart[], { truncateAt }: { truncateAt?: number } = {}): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}${part.filenameStar === undefined ? '' : `; filename*=${part.filenameStar}`}`;
    const type = part.contentType ? `\r\nContent-Type: ${part.contentType}` : '';
    chunks.push(Buffer.from(`--${MULTIPART_BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, 'utf8'), Buffer.from(part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${MULTIPART_BOUNDARY}--\r\n`));
  const body = Buffer.concat(chunks);
  return truncateAt === undefined ? body : body.subarray(0, truncateAt);
}
