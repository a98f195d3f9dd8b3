// Evidence files, read by their bytes alone: what a file really is (its magic numbers, never its name or the
// Content-Type the client claims), whether it is whole, and the same image without what identifies the one
// who took it (EXIF: GPS position, author/artist, camera serials and maker notes; XMP; IPTC; text chunks).
// Pure: no I/O, no framework; the service decides what to do with a refusal.

/** The file types evidence may be; anything else is refused. */
export const EVIDENCE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

export const EXTENSION_OF: Record<EvidenceMediaType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/** Why a file's bytes cannot be kept: not one of the accepted types, or one whose structure ends early or is broken. */
export type EvidenceDefect = 'unsupportedType' | 'damaged';

export class EvidenceFileDefect extends Error {
  constructor(readonly defect: EvidenceDefect) {
    super(defect);
    this.name = 'EvidenceFileDefect';
  }
}

export interface CleanEvidenceFile {
  mediaType: EvidenceMediaType;
  bytes: Buffer;
  /** Segments/chunks removed because they can carry identifying metadata (0 when there were none). */
  removedMetadata: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type the bytes say they are, by magic numbers; null for anything else (ZIP, executables, HTML, …). */
export function sniffMediaType(bytes: Buffer): EvidenceMediaType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

/**
 * The file as it will be stored: its type from its bytes, images rewritten without metadata segments.
 * Throws EvidenceFileDefect for an unknown type or a file that is truncated or malformed.
 */
export function cleanEvidenceFile(bytes: Buffer): CleanEvidenceFile {
  const mediaType = sniffMediaType(bytes);
  switch (mediaType) {
    case 'image/jpeg':
      return { mediaType, ...withoutJpegMetadata(bytes) };
    case 'image/png':
      return { mediaType, ...withoutPngMetadata(bytes) };
    case 'image/webp':
      return { mediaType, ...withoutWebpMetadata(bytes) };
    case 'application/pdf':
      return { mediaType, bytes: wholePdf(bytes), removedMetadata: 0 };
    default:
      throw new EvidenceFileDefect('unsupportedType');
  }
}

const damaged = () => new EvidenceFileDefect('damaged');

// ---- JPEG: a list of marker segments up to the scan (SOS), then entropy-coded data up to EOI.

const SOS = 0xda;
const EOI = 0xd9;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;
const COM = 0xfe;
const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');

/**
 * Segments kept: everything that decodes the image (tables, frame, restart interval), JFIF (APP0), the
 * colour profile (APP2 ICC_PROFILE) and Adobe's colour transform (APP14). Dropped: EXIF and XMP (APP1),
 * IPTC/Photoshop (APP13), every other application segment (maker data, MPF previews) and comments.
 * The EXIF orientation is the one tag kept, rewritten alone, so phone photos do not turn sideways.
 */
function keepsJpegSegment(marker: number, payload: Buffer): boolean {
  if (marker === COM) return false;
  if (marker < APP0 || marker > 0xef) return true;
  if (marker === APP0) return true;
  if (marker === APP2) return payload.toString('latin1', 0, 12) === 'ICC_PROFILE\0';
  if (marker === APP14) return payload.toString('latin1', 0, 5) === 'Adobe';
  return false;
}

function withoutJpegMetadata(bytes: Buffer): { bytes: Buffer; removedMetadata: number } {
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let removedMetadata = 0;
  let orientation: number | undefined;
  let i = 2;
  for (;;) {
    if (i >= bytes.length) throw damaged();
    if (bytes[i] !== 0xff) throw damaged();
    const start = i;
    while (i < bytes.length && bytes[i] === 0xff) i++; // fill bytes before a marker
    if (i >= bytes.length) throw damaged();
    const marker = bytes[i++];
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      kept.push(bytes.subarray(start, i)); // markers without a length
      continue;
    }
    if (marker === EOI || marker === 0xd8 || marker === 0x00) throw damaged(); // no image before the end
    if (i + 2 > bytes.length) throw damaged();
    const length = bytes.readUInt16BE(i);
    if (length < 2 || i + length > bytes.length) throw damaged();
    const payload = bytes.subarray(i + 2, i + length);
    if (marker === SOS) {
      // The scan runs to the last EOI; whatever follows it (appended previews, vendor trailers) is dropped.
      const end = bytes.lastIndexOf(Buffer.from([0xff, EOI]));
      if (end < i + length) throw damaged();
      kept.push(bytes.subarray(start, end + 2));
      break;
    }
    if (keepsJpegSegment(marker, payload)) {
      kept.push(bytes.subarray(start, i + length));
    } else {
      removedMetadata++;
      if (marker === APP1 && payload.subarray(0, 6).equals(EXIF_HEADER)) orientation ??= exifOrientation(payload.subarray(6));
    }
    i += length;
  }
  if (orientation !== undefined && orientation !== 1) kept.splice(firstAfterApp0(kept), 0, orientationOnlyExif(orientation));
  return { bytes: Buffer.concat(kept), removedMetadata };
}

/** Where an EXIF segment goes: after SOI and a JFIF APP0, as the EXIF and JFIF specifications place it. */
function firstAfterApp0(segments: Buffer[]): number {
  return segments[1]?.[1] === APP0 ? 2 : 1;
}

/** The Orientation tag (0x0112) of IFD0 in a TIFF structure, if present and valid (1–8). */
export function exifOrientation(tiff: Buffer): number | undefined {
  if (tiff.length < 8) return undefined;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const u16 = (at: number) => (order === 'II' ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (order === 'II' ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  if (ifd0 + 2 > tiff.length) return undefined;
  const entries = u16(ifd0);
  for (let k = 0; k < entries; k++) {
    const entry = ifd0 + 2 + 12 * k;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(entry) !== 0x0112) continue;
    const value = u16(entry + 8);
    return value >= 1 && value <= 8 ? value : undefined;
  }
  return undefined;
}

/** An APP1 EXIF segment holding nothing but the Orientation tag (big-endian TIFF, one IFD0 entry). */
export function orientationOnlyExif(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 right after the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14); // one value
  tiff.writeUInt16BE(orientation, 18); // value, left-aligned in the 4-byte field
  tiff.writeUInt32BE(0, 22); // no IFD1 (no thumbnail)
  const payload = Buffer.concat([EXIF_HEADER, tiff]);
  const header = Buffer.from([0xff, APP1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

// ---- PNG: signature, then chunks (length, type, data, CRC) from IHDR to IEND.

/** Chunks that carry text or EXIF (author, GPS, software, comments) and the last-modified time. */
const PNG_METADATA_CHUNKS = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

function withoutPngMetadata(bytes: Buffer): { bytes: Buffer; removedMetadata: number } {
  const kept: Buffer[] = [PNG_SIGNATURE];
  let removedMetadata = 0;
  let i = PNG_SIGNATURE.length;
  for (let first = true; ; first = false) {
    if (i + 12 > bytes.length) throw damaged();
    const length = bytes.readUInt32BE(i);
    const type = bytes.toString('latin1', i + 4, i + 8);
    const end = i + 12 + length;
    if (end > bytes.length || (first && type !== 'IHDR')) throw damaged();
    if (PNG_METADATA_CHUNKS.has(type)) removedMetadata++;
    else kept.push(bytes.subarray(i, end));
    i = end;
    if (type === 'IEND') break; // anything appended after the image is dropped
  }
  return { bytes: Buffer.concat(kept), removedMetadata };
}

// ---- WebP: a RIFF container of chunks; VP8X flags announce EXIF (bit 3) and XMP (bit 2) chunks.

const WEBP_METADATA_CHUNKS = new Set(['EXIF', 'XMP ']);
const VP8X_EXIF_AND_XMP_FLAGS = 0x08 | 0x04;

function withoutWebpMetadata(bytes: Buffer): { bytes: Buffer; removedMetadata: number } {
  const declaredEnd = bytes.readUInt32LE(4) + 8;
  if (declaredEnd > bytes.length || declaredEnd < 20) throw damaged();
  const kept: Buffer[] = [];
  let removedMetadata = 0;
  let hasImage = false;
  let i = 12;
  while (i < declaredEnd) {
    if (i + 8 > declaredEnd) throw damaged();
    const type = bytes.toString('latin1', i, i + 4);
    const size = bytes.readUInt32LE(i + 4);
    const end = i + 8 + size + (size & 1); // chunks are padded to an even length
    if (end > declaredEnd) throw damaged();
    if (WEBP_METADATA_CHUNKS.has(type)) {
      removedMetadata++;
    } else if (type === 'VP8X') {
      if (size < 1) throw damaged();
      const chunk = Buffer.from(bytes.subarray(i, end));
      chunk[8] &= ~VP8X_EXIF_AND_XMP_FLAGS;
      kept.push(chunk);
    } else {
      if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') hasImage = true;
      kept.push(bytes.subarray(i, end));
    }
    i = end;
  }
  if (!hasImage) throw damaged();
  const body = Buffer.concat(kept);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return { bytes: Buffer.concat([header, body]), removedMetadata };
}

// ---- PDF: kept as sent; whole when its last kilobyte holds the end-of-file marker.

function wholePdf(bytes: Buffer): Buffer {
  if (!bytes.subarray(Math.max(0, bytes.length - 1024)).includes('%%EOF', 0, 'latin1')) throw damaged();
  return bytes;
}
