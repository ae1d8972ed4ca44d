import type SharpModule from 'sharp';
import type { EvidenceMime } from '../../domain/evidence/detect-file-type';
import type { Logger } from '../logger';

type Sharp = typeof SharpModule;

/** Thumbnails are this many pixels wide (never enlarged), JPEG. */
export const THUMBNAIL_WIDTH = 320;

let loading: Promise<Sharp | null> | undefined;

// sharp is a native module shipped as per-platform optional packages; without one (an unusual platform) uploads
// still work, only without thumbnails and image dimensions.
const loadSharp = (log: Logger): Promise<Sharp | null> => {
  loading ??= import('sharp').then(
    (m) => {
      const sharp = m.default;
      // Files are read once each, from temp paths that are renamed away: libvips' file cache would only hold them open.
      sharp.cache(false);
      return sharp;
    },
    (e: unknown) => {
      log.warn({ err: e }, 'sharp is not available: evidence images are stored without thumbnails');
      return null;
    },
  );
  return loading;
};

/** Formats this build decodes for certain; HEIC/HEIF needs an HEVC decoder the prebuilt sharp does not ship. */
const DECODABLE: readonly EvidenceMime[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

export type ImagePreview =
  | {
      readonly readable: true;
      /** As displayed, i.e. after the EXIF orientation is applied (a portrait phone photo is taller than wide). */
      readonly width: number | null;
      readonly height: number | null;
      /** A JPEG THUMBNAIL_WIDTH px wide, auto-rotated by EXIF; null when this format cannot be decoded here. */
      readonly thumbnail: Buffer | null;
    }
  /** The content starts like an image but no decoder can read it: it is not what it claims to be. */
  | { readonly readable: false };

/**
 * Reads an uploaded image's dimensions and makes its thumbnail: auto-rotated by the EXIF orientation (phone photos
 * are stored sideways with an orientation tag), at most THUMBNAIL_WIDTH px wide, transparency flattened on white,
 * metadata stripped (the thumbnail carries no GPS position; the original keeps everything, it is the evidence).
 * A JPEG/PNG/GIF/WebP that cannot even be parsed is `readable: false` (refused as not what it claims). HEIC/HEIF
 * that cannot be decoded here is stored without a thumbnail, not refused.
 */
export const previewImage = async (file: string, mime: EvidenceMime, log: Logger): Promise<ImagePreview> => {
  const sharp = await loadSharp(log);
  if (!sharp) return { readable: true, width: null, height: null, thumbnail: null };
  let width: number | null = null;
  let height: number | null = null;
  try {
    const meta = await sharp(file).metadata();
    width = meta.autoOrient.width;
    height = meta.autoOrient.height;
  } catch (e) {
    if (DECODABLE.includes(mime)) return { readable: false };
    log.info({ err: e, mime }, 'evidence image metadata not readable here; stored without dimensions');
  }
  try {
    const thumbnail = await sharp(file, { failOn: 'none' })
      .autoOrient()
      .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer();
    return { readable: true, width, height, thumbnail };
  } catch (e) {
    log.info({ err: e, mime }, 'no thumbnail for this evidence image (format not decodable here)');
    return { readable: true, width, height, thumbnail: null };
  }
};
