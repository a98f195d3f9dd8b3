// Evidence files are judged by their bytes and stored without identifying metadata (src/attachments/evidence-file.ts).
import { cleanEvidenceFile, EvidenceFileDefect, exifOrientation, orientationOnlyExif, sniffMediaType } from '../../src/attachments/evidence-file.js';
import { exifTiff, jpegExifTags, jpegWithExif, plainJpeg, pngWithText, smallPdf, webpWithExif, zipArchive } from '../support/evidence-files.js';

const defectOf = (bytes: Buffer) => {
  try {
    cleanEvidenceFile(bytes);
    return null;
  } catch (error) {
    if (error instanceof EvidenceFileDefect) return error.defect;
    throw error;
  }
};

describe(sniffMediaType.name, () => {
  it.each([
    ['JPEG', 'image/jpeg', plainJpeg()],
    ['PNG', 'image/png', pngWithText()],
    ['WebP', 'image/webp', webpWithExif()],
    ['PDF', 'application/pdf', smallPdf()],
    ['ZIP', null, zipArchive()],
    ['HTML', null, Buffer.from('<html><script>alert(1)</script></html>')],
    ['GIF', null, Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
    ['empty', null, Buffer.alloc(0)],
    ['RIFF that is not WebP (WAV)', null, Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')],
  ])('%s → %s', (_name, expected, bytes) => {
    expect(sniffMediaType(bytes)).toBe(expected);
  });
});

describe(cleanEvidenceFile.name, () => {
  it('removes EXIF (author, camera, GPS), XMP and comments from a JPEG and keeps only its orientation', () => {
    const original = jpegWithExif();
    expect(original.includes('Budi Santoso')).toBe(true);
    const clean = cleanEvidenceFile(original);
    expect(clean.mediaType).toBe('image/jpeg');
    expect(clean.removedMetadata).toBe(3);
    expect(clean.bytes.includes('Budi Santoso')).toBe(false);
    expect(clean.bytes.includes('KameraHP')).toBe(false);
    expect(jpegExifTags(clean.bytes)).toEqual([0x0112]);
    // Exactly the plain image plus the orientation-only segment after JFIF.
    const plain = plainJpeg();
    const app0End = 2 + 18;
    expect(clean.bytes).toEqual(Buffer.concat([plain.subarray(0, app0End), orientationOnlyExif(6), plain.subarray(app0End)]));
  });

  it('leaves a JPEG without metadata as it is', () => {
    const clean = cleanEvidenceFile(plainJpeg());
    expect(clean.removedMetadata).toBe(0);
    expect(clean.bytes).toEqual(plainJpeg());
  });

  it('writes no EXIF at all when the orientation is the default', () => {
    const clean = cleanEvidenceFile(jpegWithExif({ artist: 'X', orientation: 1 }));
    expect(jpegExifTags(clean.bytes)).toBeNull();
  });

  it('drops data appended after the end of a JPEG image', () => {
    const clean = cleanEvidenceFile(Buffer.concat([plainJpeg(), Buffer.from('Budi Santoso trailer')]));
    expect(clean.bytes).toEqual(plainJpeg());
  });

  it('removes text and eXIf chunks from a PNG', () => {
    const clean = cleanEvidenceFile(pngWithText());
    expect(clean.mediaType).toBe('image/png');
    expect(clean.removedMetadata).toBe(2);
    expect(clean.bytes.includes('Budi Santoso')).toBe(false);
    expect(clean.bytes.includes('IDAT')).toBe(true);
  });

  it('removes EXIF and XMP chunks from a WebP, clears their flags and fixes the RIFF size', () => {
    const clean = cleanEvidenceFile(webpWithExif());
    expect(clean.mediaType).toBe('image/webp');
    expect(clean.removedMetadata).toBe(2);
    expect(clean.bytes.includes('Budi Santoso')).toBe(false);
    expect(clean.bytes.readUInt32LE(4)).toBe(clean.bytes.length - 8);
    expect(clean.bytes[20] & 0x0c).toBe(0); // VP8X flags
  });

  it('keeps a PDF as sent', () => {
    expect(cleanEvidenceFile(smallPdf()).bytes).toEqual(smallPdf());
  });

  it.each([
    ['a ZIP named .jpg', zipArchive(), 'unsupportedType'],
    ['a JPEG cut before its scan', plainJpeg().subarray(0, 60), 'damaged'],
    ['a JPEG cut inside its scan (no end marker)', plainJpeg().subarray(0, plainJpeg().length - 2), 'damaged'],
    ['a JPEG whose segment runs past the end', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00, 0x01]), 'damaged'],
    ['a JPEG that ends before any image', Buffer.from([0xff, 0xd8, 0xff, 0xd9]), 'damaged'],
    ['a PNG cut before IEND', pngWithText().subarray(0, pngWithText().length - 12), 'damaged'],
    ['a PNG cut inside a chunk', pngWithText().subarray(0, 40), 'damaged'],
    ['a WebP shorter than its RIFF size', webpWithExif().subarray(0, 30), 'damaged'],
    ['a PDF without its end marker', smallPdf().subarray(0, 40), 'damaged'],
  ])('refuses %s', (_name, bytes, defect) => {
    expect(defectOf(bytes)).toBe(defect);
  });
});

describe(exifOrientation.name, () => {
  it.each([
    ['little-endian with orientation 6', exifTiff({ orientation: 6, artist: 'A' }), 6],
    ['without orientation', exifTiff({ artist: 'A' }), undefined],
    ['out of range', exifTiff({ orientation: 9 }), undefined],
    ['big-endian, as written back', orientationOnlyExif(3).subarray(4 + 6), 3],
    ['too short', Buffer.from('II*\0'), undefined],
  ])('%s', (_name, tiff, expected) => {
    expect(exifOrientation(tiff)).toBe(expected);
  });
});
