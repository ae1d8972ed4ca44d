import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertComplaintRowFx } from '../../../test/factories/complaint-row.factory';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { rowsOf } from '../../db/client';
import { systemContext } from '../context';
import { purgeExpired } from '../ops/purge-expired';
import { createBlobStore } from './blob-store';
import { readEvidenceForm, storeEvidence, type EvidenceFormPart } from './store-evidence';
import { uploadEvidence } from './upload-evidence';

let deps: TestDeps;
let dataDir: string;
const ctx = systemContext('test');
const limits = { maxImageBytes: 100_000, maxVideoBytes: 100_000, maxPdfBytes: 10_000, maxFilesPerRequest: 5 };

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'closeloop-blobs-'));
  deps = await createTestDeps({ DATA_DIR: dataDir, EVIDENCE_MAX_PDF_BYTES: '10000' });
});
afterAll(async () => {
  await deps.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const pdf = (tag: string) =>
  Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n`);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const store = () => createBlobStore(dataDir);
const tmpFiles = () => (existsSync(store().tmpDir) ? readdirSync(store().tmpDir) : []);

/** A source that yields `chunks` pieces of `size` bytes (the first starting with `head`) and counts reads. */
const counted = (head: Buffer, chunks: number, size: number) => {
  const state = { pulled: 0, closed: false };
  async function* source() {
    try {
      for (let i = 0; i < chunks; i += 1) {
        state.pulled += 1;
        yield i === 0 ? Buffer.concat([head, randomBytes(size - head.length)]) : randomBytes(size);
      }
    } finally {
      state.closed = true;
    }
  }
  return { source: source(), state };
};

async function* form(...parts: EvidenceFormPart[]): AsyncGenerator<EvidenceFormPart> {
  yield* parts;
}
const file = (name: string, data: Buffer): EvidenceFormPart => ({
  kind: 'file',
  filename: name,
  content: (async function* () {
    yield data;
  })(),
});

describe('the blob store (ARCHITECTURE.md: evidence stored by SHA-256)', () => {
  it('should hash while streaming and place the file atomically under <aa>/<bb>/<sha256>', async () => {
    const bytes = pdf('one');
    const s = store();
    const staged = await s.stage(
      (async function* () {
        yield bytes.subarray(0, 10);
        yield bytes.subarray(10);
      })(),
      limits,
      'a.pdf',
    );
    expect(staged).toMatchObject({
      sha256: sha(bytes),
      size: bytes.length,
      mime: 'application/pdf',
      kind: 'pdf',
    });
    expect(path.dirname(staged.tmpPath)).toBe(s.tmpDir);
    expect(await s.commit(staged)).toEqual({ existed: false });
    const placed = path.join(dataDir, 'evidence', sha(bytes).slice(0, 2), sha(bytes).slice(2, 4), sha(bytes));
    expect(existsSync(placed)).toBe(true);
    expect(existsSync(staged.tmpPath)).toBe(false);
    const again = await s.stage(
      (async function* () {
        yield bytes;
      })(),
      limits,
      'b.pdf',
    );
    expect(await s.commit(again)).toEqual({ existed: true });
    expect(tmpFiles()).toEqual([]);
  });

  it('should stop reading and remove the temp file as soon as the size limit is passed', async () => {
    const { source, state } = counted(Buffer.from('%PDF-1.7\n'), 100, 4096);
    await expect(store().stage(source, limits, 'big.pdf')).rejects.toMatchObject({
      code: 'EVIDENCE_TOO_LARGE',
      details: { file: 'big.pdf', kind: 'pdf', maxBytes: 10_000 },
    });
    expect(state.pulled).toBe(3); // 3 × 4096 > 10 000: nothing more was read
    expect(state.closed).toBe(true);
    expect(tmpFiles()).toEqual([]);
  });

  it('should refuse a disallowed type from its first bytes without writing anything', async () => {
    const { source, state } = counted(Buffer.from([0x4d, 0x5a, 0x90, 0x00]), 50, 4096);
    await expect(store().stage(source, limits, 'setup.jpg')).rejects.toMatchObject({
      code: 'EVIDENCE_TYPE_NOT_ALLOWED',
      details: { detected: 'application/x-msdownload' },
    });
    expect(state.pulled).toBe(1);
    expect(tmpFiles()).toEqual([]);
  });
});

describe('storing evidence and sweeping orphans', () => {
  it('should attach concurrent uploads of the same new file once, with one blob', async () => {
    const c = await insertComplaintRowFx(deps);
    const bytes = pdf('concurrent');
    const [a, b] = await Promise.all([
      uploadEvidence(deps, ctx, c.id, form(file('a.pdf', bytes))),
      uploadEvidence(deps, ctx, c.id, form(file('b.pdf', bytes))),
    ]);
    expect(a.items[0]?.id).toBe(b.items[0]?.id);
    expect([a.items[0]?.alreadyAttached, b.items[0]?.alreadyAttached].sort()).toEqual([false, true]);
    const [row] = await rowsOf<{ n: number; blobs: number }>(
      deps.db.reader(),
      sql`select (select count(*) from complaint_evidence where complaint_id = ${c.id})::int as n,
                 (select count(*) from evidence_blobs where sha256 = ${sha(bytes)})::int as blobs`,
    );
    expect(row).toEqual({ n: 1, blobs: 1 });
  });

  it('should leave placed files without rows when the transaction fails, and purge them after a day', async () => {
    const kept = await insertComplaintRowFx(deps);
    const keptPhoto = await sharp({ create: { width: 500, height: 400, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const stored = await uploadEvidence(deps, ctx, kept.id, form(file('kept.jpg', keptPhoto)));
    const keptItem = stored.items[0]!;

    const orphanPhoto = await sharp({ create: { width: 500, height: 400, channels: 3, background: '#123' } })
      .png()
      .toBuffer();
    const { files } = await readEvidenceForm(deps, form(file('orphan.png', orphanPhoto)));
    await expect(
      storeEvidence(deps, ctx, files, { caption: null, uploadedBy: 'test', channel: 'staff' }, async () => {
        throw new Error('database went away');
      }),
    ).rejects.toThrow('database went away');
    const s = store();
    expect(existsSync(s.pathOf(sha(orphanPhoto)))).toBe(true);
    const [counts] = await rowsOf<{ n: number }>(
      deps.db.reader(),
      sql`select count(*)::int as n from evidence_blobs where sha256 = ${sha(orphanPhoto)}`,
    );
    expect(counts?.n).toBe(0);
    expect(tmpFiles()).toEqual([]);

    // A fresh orphan may belong to an upload still in flight: kept.
    const now = deps.clock.now().getTime();
    const all = [];
    for await (const b of s.list()) all.push(b);
    for (const b of all) utimesSync(b.file, new Date(now - 3_600_000), new Date(now - 3_600_000));
    expect((await purgeExpired(deps)).evidenceFiles).toBe(0);

    // A day later: the orphan blob and its thumbnail go; referenced blobs and thumbnails stay.
    const old = new Date(now - 2 * 86_400_000);
    for (const b of all) utimesSync(b.file, old, old);
    await mkdir(s.tmpDir, { recursive: true });
    const staleTemp = path.join(s.tmpDir, 'interrupted.part');
    writeFileSync(staleTemp, 'half an upload');
    utimesSync(staleTemp, old, old);
    const purged = await purgeExpired(deps);
    // The orphan, its thumbnail, the stale temp file, and the first test's blob (placed by the store alone, no row).
    expect(purged.evidenceFiles).toBe(4);
    expect(existsSync(s.pathOf(sha(pdf('one'))))).toBe(false);
    expect(existsSync(s.pathOf(sha(orphanPhoto)))).toBe(false);
    expect(existsSync(staleTemp)).toBe(false);
    expect(existsSync(s.pathOf(keptItem.sha256))).toBe(true);
    expect(existsSync(s.pathOf(keptItem.thumbnailSha256!))).toBe(true);
    expect(existsSync(s.pathOf(sha(pdf('concurrent'))))).toBe(true);
  });
});
