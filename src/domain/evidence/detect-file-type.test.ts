import { describe, expect, it } from 'vitest';
import { detectFileType, FILE_TYPE_HEAD_BYTES } from './detect-file-type';
import { maxBytesFor, maxBytesOfAnyKind, type EvidenceLimits } from './evidence-limits';
import { normaliseFileName } from './normalise-file-name';

/** Bytes from numbers and ASCII strings, e.g. bytes(0, 0, 0, 0x18, 'ftyp', 'heic'). */
const bytes = (...parts: (number | string)[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'number' ? [p] : [...p].map((c) => c.charCodeAt(0) & 0xff))),
  );

/** An ISO-BMFF file start: the ftyp box (size, major brand, minor version, compatible brands) then an mdat box. */
const ftyp = (major: string, ...compatible: string[]): Uint8Array => {
  const size = 16 + 4 * compatible.length;
  return bytes(0, 0, 0, size, 'ftyp', major, 0, 0, 0, 0, ...compatible, 0, 0, 0, 8, 'mdat');
};

describe('detectFileType (issue 3 §1: type from content, not the name)', () => {
  const allowed: [string, Uint8Array, string, string][] = [
    ['JPEG/JFIF', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF', 0, 1, 1), 'image/jpeg', 'image'],
    [
      'JPEG/EXIF from a phone camera',
      bytes(0xff, 0xd8, 0xff, 0xe1, 0x1c, 0x45, 'Exif', 0, 0),
      'image/jpeg',
      'image',
    ],
    ['JPEG without APP marker', bytes(0xff, 0xd8, 0xff, 0xdb, 0, 0x43, 0), 'image/jpeg', 'image'],
    [
      'PNG',
      bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'IHDR', 0, 0, 1, 0x40, 0, 0, 0, 0xf0),
      'image/png',
      'image',
    ],
    ['GIF89a', bytes('GIF89a', 0x40, 1, 0xf0, 0), 'image/gif', 'image'],
    ['GIF87a', bytes('GIF87a', 0x40, 1, 0xf0, 0), 'image/gif', 'image'],
    ['WebP lossy', bytes('RIFF', 0x24, 0x08, 0, 0, 'WEBP', 'VP8 ', 0x18, 0x08, 0, 0), 'image/webp', 'image'],
    [
      'WebP lossless',
      bytes('RIFF', 0x24, 0x08, 0, 0, 'WEBP', 'VP8L', 0x18, 0x08, 0, 0),
      'image/webp',
      'image',
    ],
    ['WebP extended', bytes('RIFF', 0x24, 0x08, 0, 0, 'WEBP', 'VP8X', 0x0a, 0, 0, 0), 'image/webp', 'image'],
    ['HEIC from an iPhone', ftyp('heic', 'mif1', 'heic'), 'image/heic', 'image'],
    ['HEIC heix', ftyp('heix', 'mif1', 'heix'), 'image/heic', 'image'],
    ['HEIF mif1', ftyp('mif1', 'mif1', 'heic', 'miaf'), 'image/heif', 'image'],
    ['HEIF image sequence msf1', ftyp('msf1', 'msf1', 'iso8'), 'image/heif', 'image'],
    ['MP4 isom', ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'), 'video/mp4', 'video'],
    ['MP4 mp42 from an Android camera', ftyp('mp42', 'isom', 'mp42'), 'video/mp4', 'video'],
    ['MP4 mp41', ftyp('mp41', 'mp41'), 'video/mp4', 'video'],
    ['MP4 avc1', ftyp('avc1', 'avc1', 'isom'), 'video/mp4', 'video'],
    ['MOV from an iPhone', ftyp('qt  ', 'qt  '), 'video/quicktime', 'video'],
    ['3GP', ftyp('3gp4', 'isom', '3gp4'), 'video/3gpp', 'video'],
    ['3GP2', ftyp('3g2a', '3g2a'), 'video/3gpp2', 'video'],
    [
      'MP4 with an unknown major brand but a known compatible one',
      ftyp('XAVC', 'XAVC', 'mp42', 'iso2'),
      'video/mp4',
      'video',
    ],
    ['PDF 1.7', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), 'application/pdf', 'pdf'],
    ['PDF 2.0', bytes('%PDF-2.0\r\n'), 'application/pdf', 'pdf'],
  ];

  it.each(allowed)('should allow %s as %s', (_name, head, mime, kind) => {
    expect(detectFileType(head)).toEqual({ allowed: true, mime, kind });
  });

  const refused: [string, Uint8Array, string][] = [
    [
      'an ELF executable',
      bytes(0x7f, 'ELF', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0),
      'application/x-elf',
    ],
    [
      'a Windows executable',
      bytes('MZ', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff),
      'application/x-msdownload',
    ],
    ['a ZIP archive', bytes('PK', 3, 4, 0x14, 0, 0, 0, 8, 0), 'application/zip'],
    ['a RAR archive', bytes('Rar!', 0x1a, 7, 1, 0), 'application/vnd.rar'],
    ['an SVG image (can carry scripts)', bytes('<svg xmlns="http://www.w3.org/2000/svg">'), 'image/svg+xml'],
    ['an HTML page', bytes('<!DOCTYPE html><html><body>'), 'text/html'],
    ['a shell script', bytes('#!/bin/sh\nrm -rf /\n'), 'text/x-shellscript'],
    ['a BMP image', bytes('BM', 0x36, 0x10, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0), 'image/bmp'],
    ['a TIFF image', bytes('II*', 0, 8, 0, 0, 0), 'image/tiff'],
    ['an AVIF image', ftyp('avif', 'avif', 'mif1', 'miaf'), 'image/avif'],
    ['an M4A audio file', ftyp('M4A ', 'M4A ', 'mp42', 'isom'), 'audio/mp4'],
    ['a WebM video', bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81), 'video/webm'],
    ['plain text', bytes('这是一个文本文件'), 'unknown'],
    ['an empty file', bytes(), 'unknown'],
    ['a JPEG start cut after two bytes', bytes(0xff, 0xd8), 'unknown'],
    [
      'a PNG signature without its IHDR chunk',
      bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 'MZ', 0x90, 0),
      'unknown',
    ],
    ['a RIFF WEBP without a VP8 chunk', bytes('RIFF', 0x24, 8, 0, 0, 'WEBP', 'EXE!', 0, 0), 'unknown'],
    ['a "%PDF-" that is no PDF version', bytes('%PDF-hello'), 'unknown'],
    ['an ftyp box of absurd size', bytes(0x7f, 0xff, 0xff, 0xff, 'ftyp', 'isom', 0, 0, 0, 0), 'unknown'],
    ['an ftyp box with unknown brands only', ftyp('zzzz', 'yyyy'), 'unknown'],
  ];

  it.each(refused)('should refuse %s and name it %s', (_name, head, detected) => {
    expect(detectFileType(head)).toEqual({ allowed: false, detected });
  });

  it('should decide from the first FILE_TYPE_HEAD_BYTES bytes whatever follows', () => {
    const pdf = new Uint8Array(FILE_TYPE_HEAD_BYTES * 4);
    pdf.set(bytes('%PDF-1.4\n'));
    pdf.set(bytes(0x7f, 'ELF'), FILE_TYPE_HEAD_BYTES);
    expect(detectFileType(pdf.subarray(0, FILE_TYPE_HEAD_BYTES))).toMatchObject({ mime: 'application/pdf' });
  });
});

describe('evidence limits per kind', () => {
  const limits: EvidenceLimits = {
    maxImageBytes: 20 * 1_048_576,
    maxVideoBytes: 200 * 1_048_576,
    maxPdfBytes: 10 * 1_048_576,
    maxFilesPerRequest: 10,
  };

  it.each([
    ['image', 20 * 1_048_576],
    ['video', 200 * 1_048_576],
    ['pdf', 10 * 1_048_576],
  ] as const)('should give a %s its own limit', (kind, max) => {
    expect(maxBytesFor(kind, limits)).toBe(max);
  });

  it('should read at most the largest limit before the kind is known', () => {
    expect(maxBytesOfAnyKind(limits)).toBe(200 * 1_048_576);
    expect(maxBytesOfAnyKind({ ...limits, maxPdfBytes: 300 * 1_048_576 })).toBe(300 * 1_048_576);
  });
});

describe('normaliseFileName', () => {
  const cases: [string, string | undefined, string][] = [
    ['a Chinese name kept as it is', '发票 2026-03-01.jpg', '发票 2026-03-01.jpg'],
    ['a path stripped to its last part', 'C:\\Users\\王\\Desktop\\照片.jpg', '照片.jpg'],
    ['a Unix path stripped', '../../etc/passwd', 'passwd'],
    ['control and reserved characters replaced', 'a\u0000b<c>:d?.jpg', 'a_b_c__d_.jpg'],
    ['leading dots removed', '...hidden.pdf', 'hidden.pdf'],
    ['no name', undefined, 'evidence.jpg'],
    ['only unusable characters', '???', 'evidence.jpg'],
    ['an emoji name kept', '🍪.jpg', '🍪.jpg'],
  ];

  it.each(cases)('should give %s', (_name, input, expected) => {
    expect(normaliseFileName(input, 'image/jpeg')).toBe(expected);
  });

  it('should keep the end (with the extension) of an over-long name', () => {
    const name = normaliseFileName(`${'长'.repeat(300)}.mp4`, 'video/mp4');
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('长.mp4')).toBe(true);
  });

  it('should name the file from the detected type when nothing usable is left', () => {
    expect(normaliseFileName('', 'application/pdf')).toBe('evidence.pdf');
    expect(normaliseFileName('/', 'video/quicktime')).toBe('evidence.mov');
  });
});
