/** What an evidence file is: a photo, a video, or a document. */
export type EvidenceKind = 'image' | 'video' | 'pdf';

/** The media types an evidence file may have, detected from its content (never from its name). */
export const EVIDENCE_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
  'video/mp4',
  'video/quicktime',
  'video/3gpp',
  'video/3gpp2',
  'application/pdf',
] as const;
export type EvidenceMime = (typeof EVIDENCE_MIME_TYPES)[number];

export const KIND_OF_MIME: Readonly<Record<EvidenceMime, EvidenceKind>> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'image/heic': 'image',
  'image/heif': 'image',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'video/3gpp': 'video',
  'video/3gpp2': 'video',
  'application/pdf': 'pdf',
};

export type FileTypeDetection =
  | { readonly allowed: true; readonly kind: EvidenceKind; readonly mime: EvidenceMime }
  | {
      readonly allowed: false;
      /** The media type the content shows (`application/x-elf`, `image/avif`, …), or `unknown`. */
      readonly detected: string;
    };

/** How many leading bytes detection looks at; pass at least this many when the file is that long. */
export const FILE_TYPE_HEAD_BYTES = 64;

const ascii = (head: Uint8Array, from: number, length: number): string =>
  from + length > head.length ? '' : String.fromCharCode(...head.subarray(from, from + length));

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);

const uint32 = (head: Uint8Array, at: number): number =>
  (((head[at] ?? 0) << 24) |
    ((head[at + 1] ?? 0) << 16) |
    ((head[at + 2] ?? 0) << 8) |
    (head[at + 3] ?? 0)) >>>
  0;

// ISO base media file format brands (ISO/IEC 14496-12 `ftyp` box): the major brand names the format.
const BRANDS: Readonly<Record<string, EvidenceMime | `refused:${string}`>> = {
  heic: 'image/heic',
  heix: 'image/heic',
  heim: 'image/heic',
  heis: 'image/heic',
  hevc: 'image/heic',
  hevx: 'image/heic',
  mif1: 'image/heif',
  msf1: 'image/heif',
  isom: 'video/mp4',
  iso2: 'video/mp4',
  iso3: 'video/mp4',
  iso4: 'video/mp4',
  iso5: 'video/mp4',
  iso6: 'video/mp4',
  mp41: 'video/mp4',
  mp42: 'video/mp4',
  avc1: 'video/mp4',
  mmp4: 'video/mp4',
  dash: 'video/mp4',
  MSNV: 'video/mp4',
  'M4V ': 'video/mp4',
  M4VH: 'video/mp4',
  M4VP: 'video/mp4',
  'qt  ': 'video/quicktime',
  '3gp4': 'video/3gpp',
  '3gp5': 'video/3gpp',
  '3gp6': 'video/3gpp',
  '3gp7': 'video/3gpp',
  '3gs7': 'video/3gpp',
  '3ge6': 'video/3gpp',
  '3ge7': 'video/3gpp',
  '3gg6': 'video/3gpp',
  '3g2a': 'video/3gpp2',
  '3g2b': 'video/3gpp2',
  '3g2c': 'video/3gpp2',
  avif: 'refused:image/avif',
  avis: 'refused:image/avif',
  'M4A ': 'refused:audio/mp4',
  'M4B ': 'refused:audio/mp4',
  'crx ': 'refused:image/x-canon-cr3',
  'jp2 ': 'refused:image/jp2',
};

const allowed = (mime: EvidenceMime): FileTypeDetection => ({
  allowed: true,
  kind: KIND_OF_MIME[mime],
  mime,
});
const refused = (detected: string): FileTypeDetection => ({ allowed: false, detected });

const fromBrand = (brand: string): FileTypeDetection | undefined => {
  const hit = BRANDS[brand];
  if (hit === undefined) return undefined;
  return hit.startsWith('refused:') ? refused(hit.slice(8)) : allowed(hit as EvidenceMime);
};

/** An ISO-BMFF file (MP4, MOV, 3GP, HEIC): a sane `ftyp` box first, classified by its major brand. */
const detectIsoMedia = (head: Uint8Array): FileTypeDetection | undefined => {
  if (ascii(head, 4, 4) !== 'ftyp') return undefined;
  const size = uint32(head, 0);
  // major brand + minor version + whole compatible brands; a larger ftyp is not something a camera writes.
  if (size < 16 || size > 4096 || size % 4 !== 0) return refused('unknown');
  const major = fromBrand(ascii(head, 8, 4));
  if (major) return major;
  // An unknown major brand: the first compatible brand we know (within the bytes we have) decides.
  for (let at = 16; at + 4 <= Math.min(size, head.length); at += 4) {
    const compatible = fromBrand(ascii(head, at, 4));
    if (compatible) return compatible;
  }
  return refused('unknown');
};

/** Well-known types that are never evidence, so the refusal can say what the file really is. */
const detectRefused = (head: Uint8Array): string => {
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'application/x-elf';
  if (startsWith(head, [0x4d, 0x5a])) return 'application/x-msdownload';
  if (startsWith(head, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(head, [0xca, 0xfe, 0xba, 0xbe]))
    return 'application/x-mach-binary';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'application/zip';
  if (ascii(head, 0, 6) === 'Rar!\u001a\u0007') return 'application/vnd.rar';
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'application/x-7z-compressed';
  if (startsWith(head, [0x1f, 0x8b])) return 'application/gzip';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'AVI ') return 'video/x-msvideo';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WAVE') return 'audio/wav';
  if (ascii(head, 0, 2) === 'BM') return 'image/bmp';
  if (ascii(head, 0, 4) === 'II*\u0000' || ascii(head, 0, 4) === 'MM\u0000*') return 'image/tiff';
  if (ascii(head, 0, 3) === 'ID3' || startsWith(head, [0xff, 0xfb])) return 'audio/mpeg';
  if (ascii(head, 0, 2) === '#!') return 'text/x-shellscript';
  const text = ascii(head, 0, Math.min(head.length, 32)).trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('svg'))) return 'image/svg+xml';
  if (text.startsWith('<!doctype html') || text.startsWith('<html')) return 'text/html';
  if (text.startsWith('<?xml')) return 'application/xml';
  return 'unknown';
};

/**
 * Detects an evidence file's type from its first bytes (issue 3 §1: "type detected from content, not the name").
 * Allowed: JPEG, PNG, GIF, WebP, HEIC/HEIF (ftyp heic/heix/mif1/msf1…), MP4/MOV/3GP (ftyp isom/mp41/mp42/avc1/qt/
 * 3gp…) and PDF. Each signature is checked beyond its first bytes where the format allows (PNG's IHDR chunk,
 * WebP's VP8 chunk, a sane ftyp box), so content that only starts like an allowed type is refused. Everything else
 * is refused and, where it is a well-known type (an executable, an archive, SVG, HTML), named in `detected`.
 * The file name plays no part: an .exe renamed photo.jpg is refused; a JPEG named receipt.pdf is image/jpeg.
 */
export const detectFileType = (head: Uint8Array): FileTypeDetection => {
  if (startsWith(head, [0xff, 0xd8, 0xff]) && (head[3] ?? 0) >= 0xc0 && head[3] !== 0xff)
    return allowed('image/jpeg');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return uint32(head, 8) === 13 && ascii(head, 12, 4) === 'IHDR'
      ? allowed('image/png')
      : refused('unknown');
  }
  const gif = ascii(head, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return allowed('image/gif');
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') {
    return ['VP8 ', 'VP8L', 'VP8X'].includes(ascii(head, 12, 4)) ? allowed('image/webp') : refused('unknown');
  }
  if (ascii(head, 0, 5) === '%PDF-' && /^[12]\.\d$/.test(ascii(head, 5, 3)))
    return allowed('application/pdf');
  const media = detectIsoMedia(head);
  if (media) return media;
  return refused(detectRefused(head));
};
