import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, utimes, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import {
  detectFileType,
  FILE_TYPE_HEAD_BYTES,
  type EvidenceKind,
  type EvidenceMime,
} from '../../domain/evidence/detect-file-type';
import { maxBytesFor, maxBytesOfAnyKind, type EvidenceLimits } from '../../domain/evidence/evidence-limits';
import { AppError } from '../errors/app-error';

/** An upload written to a temporary file, hashed and typed, not yet in the store. */
export type StagedBlob = {
  readonly tmpPath: string;
  readonly sha256: string;
  readonly size: number;
  readonly mime: EvidenceMime;
  readonly kind: EvidenceKind;
};

const SHA256 = /^[0-9a-f]{64}$/;

const isMissing = (e: unknown): boolean => (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

const writeAll = async (handle: FileHandle, chunk: Uint8Array): Promise<void> => {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
};

// A rename is durable only once its directory is synced (POSIX); platforms that cannot open a directory skip it.
const syncDirectory = async (dir: string): Promise<void> => {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // e.g. Windows (EISDIR/EPERM): the rename itself is still atomic.
  } finally {
    await handle?.close();
  }
};

/**
 * Evidence files on disk, stored once by content (ARCHITECTURE.md: "stored by SHA-256 — dedupe, and proof they were
 * not changed"): `<root>/<aa>/<bb>/<sha256>`, two levels of fan-out so no directory grows past a few thousand
 * entries. Uploads are streamed to `<root>/tmp/` while hashed and counted, synced, then renamed into place
 * atomically, so a reader never sees a half-written blob and a crash leaves at most a temp file.
 */
export const createBlobStore = (dataDir: string) => {
  const root = path.join(dataDir, 'evidence');
  const tmpDir = path.join(root, 'tmp');

  const pathOf = (sha256: string): string => {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  const newTmpPath = async (): Promise<string> => {
    await mkdir(tmpDir, { recursive: true });
    return path.join(tmpDir, `${randomUUID()}.part`);
  };

  /** Moves a synced temp file to its place; when the blob is there already the temp is dropped instead. */
  const place = async (tmpPath: string, sha256: string): Promise<{ existed: boolean }> => {
    const target = pathOf(sha256);
    try {
      await stat(target);
      // Same content: keep the stored blob, and mark it recently used so the orphan sweep leaves it alone.
      const now = new Date();
      await utimes(target, now, now);
      await rm(tmpPath, { force: true });
      return { existed: true };
    } catch (e) {
      if (!isMissing(e)) throw e;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rename(tmpPath, target);
    await syncDirectory(path.dirname(target));
    return { existed: false };
  };

  return {
    root,
    tmpDir,
    pathOf,

    /**
     * Streams one upload to a temp file while hashing it. The type is detected from the first bytes before anything
     * is written (a refused type never reaches the disk); the size limit of that kind is enforced as the bytes
     * arrive (EVIDENCE_TOO_LARGE as soon as it is passed). On any failure the temp file is removed. Leaving the
     * loop early destroys the source stream, which stops reading the request.
     */
    async stage(
      source: AsyncIterable<Uint8Array>,
      limits: EvidenceLimits,
      name: string,
    ): Promise<StagedBlob> {
      const hash = createHash('sha256');
      let size = 0;
      let maxBytes = maxBytesOfAnyKind(limits);
      let pending: Uint8Array[] = [];
      let pendingBytes = 0;
      let typed: { mime: EvidenceMime; kind: EvidenceKind } | undefined;
      let handle: FileHandle | undefined;
      let tmpPath: string | undefined;

      const tooLarge = () =>
        new AppError('EVIDENCE_TOO_LARGE', { file: name, kind: typed?.kind ?? null, maxBytes });

      const decide = async () => {
        const head = Buffer.concat(pending).subarray(0, FILE_TYPE_HEAD_BYTES);
        const detection = detectFileType(head);
        if (!detection.allowed)
          throw new AppError('EVIDENCE_TYPE_NOT_ALLOWED', { file: name, detected: detection.detected });
        typed = { mime: detection.mime, kind: detection.kind };
        maxBytes = maxBytesFor(detection.kind, limits);
        if (size > maxBytes) throw tooLarge();
        tmpPath = await newTmpPath();
        handle = await open(tmpPath, 'wx', 0o640);
        for (const chunk of pending) await writeAll(handle, chunk);
        pending = [];
      };
      try {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > maxBytes) throw tooLarge();
          hash.update(chunk);
          if (handle) {
            await writeAll(handle, chunk);
            continue;
          }
          pending.push(chunk);
          pendingBytes += chunk.length;
          if (pendingBytes >= FILE_TYPE_HEAD_BYTES) await decide();
        }
        if (size === 0)
          throw new AppError('VALIDATION_FAILED', {
            in: 'body',
            issues: [{ path: ['file'], code: 'too_small', message: `empty file: ${name}` }],
          });
        if (!handle) await decide();
        const written = handle as FileHandle | undefined;
        if (!written || !typed || !tmpPath) throw new Error('evidence staging ended without a file');
        await written.sync();
        await written.close();
        handle = undefined;
        return { tmpPath, sha256: hash.digest('hex'), size, ...typed };
      } catch (e) {
        await handle?.close().catch(() => undefined);
        if (tmpPath) await rm(tmpPath, { force: true });
        throw e;
      }
    },

    /** Puts a staged upload in its place (or drops it when the same content is stored already). */
    commit: (staged: StagedBlob): Promise<{ existed: boolean }> => place(staged.tmpPath, staged.sha256),

    /** Removes a staged upload's temp file (nothing happens when it was committed already). */
    discard: async (staged: StagedBlob): Promise<void> => {
      await rm(staged.tmpPath, { force: true });
    },

    /** Stores a small derived file (a thumbnail) by its own SHA-256; the same bytes twice are one file. */
    async putBuffer(data: Uint8Array): Promise<{ sha256: string; existed: boolean }> {
      const sha256 = createHash('sha256').update(data).digest('hex');
      const tmpPath = await newTmpPath();
      try {
        const handle = await open(tmpPath, 'wx', 0o640);
        try {
          await writeAll(handle, data);
          await handle.sync();
        } finally {
          await handle.close();
        }
        return { sha256, ...(await place(tmpPath, sha256)) };
      } catch (e) {
        await rm(tmpPath, { force: true });
        throw e;
      }
    },

    /** The stored blob's size, or undefined when the file is not there. */
    async sizeOf(sha256: string): Promise<number | undefined> {
      try {
        return (await stat(pathOf(sha256))).size;
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw e;
      }
    },

    /** Reads a stored blob, whole or the inclusive byte range `start`–`end`. */
    open: (sha256: string, range?: { start: number; end: number }): ReadStream =>
      createReadStream(pathOf(sha256), range ? { start: range.start, end: range.end } : {}),

    /** Every stored blob file (fan-out directories only; temp files are not listed), with its modification time. */
    async *list(): AsyncGenerator<{ sha256: string; file: string; modifiedAt: Date }> {
      const entries = async (dir: string) => {
        try {
          return await readdir(dir, { withFileTypes: true });
        } catch (e) {
          if (isMissing(e)) return [];
          throw e;
        }
      };
      for (const a of await entries(root)) {
        if (!a.isDirectory() || !/^[0-9a-f]{2}$/.test(a.name)) continue;
        for (const b of await entries(path.join(root, a.name))) {
          if (!b.isDirectory() || !/^[0-9a-f]{2}$/.test(b.name)) continue;
          const dir = path.join(root, a.name, b.name);
          for (const f of await entries(dir)) {
            if (!f.isFile() || !SHA256.test(f.name)) continue;
            const file = path.join(dir, f.name);
            try {
              yield { sha256: f.name, file, modifiedAt: (await stat(file)).mtime };
            } catch (e) {
              if (!isMissing(e)) throw e;
            }
          }
        }
      }
    },

    /** Temp files (interrupted uploads) with their modification time. */
    async *listTemp(): AsyncGenerator<{ file: string; modifiedAt: Date }> {
      let names: string[];
      try {
        names = await readdir(tmpDir);
      } catch (e) {
        if (isMissing(e)) return;
        throw e;
      }
      for (const name of names) {
        const file = path.join(tmpDir, name);
        try {
          yield { file, modifiedAt: (await stat(file)).mtime };
        } catch (e) {
          if (!isMissing(e)) throw e;
        }
      }
    },
  };
};

export type BlobStore = ReturnType<typeof createBlobStore>;
