import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createComplaintWorld,
  hotlineComplaint,
  type ComplaintWorld,
} from '../../../test/factories/complaint.factory';
import type { Session } from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { rowsOf } from '../../db/client';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let world: ComplaintWorld;
let dataDir: string;
const evidenceDir = () => path.join(dataDir, 'evidence');

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'closeloop-evidence-'));
  ({ deps, app, close } = await createTestApp({
    DATA_DIR: dataDir,
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    EVIDENCE_MAX_IMAGE_BYTES: '50000',
    EVIDENCE_MAX_PDF_BYTES: '20000',
    EVIDENCE_MAX_VIDEO_BYTES: '100000',
    EVIDENCE_MAX_FILES_PER_REQUEST: '3',
  }));
  deps.clock.set(new Date('2026-03-02T02:00:00Z'));
  world = await createComplaintWorld(deps, app);
});
afterAll(async () => {
  await close();
  rmSync(dataDir, { recursive: true, force: true });
});

// --- real files, made here ---------------------------------------------------------------------------------

/** A phone photo: 800×600 pixels stored landscape, EXIF orientation 6 ("rotate 90° to view": it is a portrait). */
const phonePhoto = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6 })
    .toBuffer();

const screenshotPng = () =>
  sharp({
    create: { width: 400, height: 300, channels: 4, background: { r: 0, g: 120, b: 200, alpha: 0.5 } },
  })
    .png()
    .toBuffer();

/** A minimal valid one-page PDF (header, catalog, pages, page, xref, trailer). */
const minimalPdf = (): Buffer => {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
};

const box = (type: string, payload: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + payload.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, payload]);
};

/** The start of an MP4 as a phone writes it: an ftyp box (isom, mp42) and an mdat box. */
const tinyMp4 = () =>
  Buffer.concat([
    box('ftyp', Buffer.from('isom\u0000\u0000\u0002\u0000isomiso2avc1mp41', 'latin1')),
    box('mdat', randomBytes(2000)),
  ]);

/**
 * A real 64×48 HEIC (HEVC-coded, made with libheif's heif-enc). The prebuilt sharp reads its size but has no HEVC
 * decoder, so it is stored without a thumbnail.
 */
const heicFile = () =>
  Buffer.from(
    'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAa1tZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAA' +
      'AA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAEAAMAAAADhpbG9jAQAAAERAAAIAAQAAAAAAAAHRAAEAAAAAAAAAGgACAAEAAAAAAAAA' +
      'AQAAAAAAAAAIAAAAOGlpbmYAAAAAAAIAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAADYaXBycAAA' +
      'ALZpcGNvAAAAdmh2Y0MBA3AAAAAAAAAAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACpCAQED' +
      'cAAAAwCQAAADAAADAB6gIIEFlurkprm4EBAwIAAAAwAgAAADACEiAAEABkQBwXPAiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlz' +
      'cGUAAAAAAAAAQAAAADAAAAAQcGl4aQAAAAADCAgIAAAAGmlwbWEAAAAAAAAAAgABAoECAAICA4QAAAAaaXJlZgAAAAAAAAAOZGlt' +
      'ZwACAAEAAQAAACJtZGF0AAAAFigBrxmA70mlv//Opn/TIL/g2taY+bg=',
    'base64',
  );

/** A Linux executable (ELF header, then code). */
const elfBinary = () =>
  Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]),
    randomBytes(500),
  ]);

// --- multipart requests ------------------------------------------------------------------------------------

type Part =
  { name: string; value: string } | { name: string; filename?: string; data: Buffer; contentType?: string };

const multipart = (parts: Part[]) => {
  const boundary = `----closeloop${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition =
      'data' in p && p.filename !== undefined
        ? `form-data; name="${p.name}"; filename="${p.filename}"`
        : `form-data; name="${p.name}"`;
    const type = 'data' in p ? `\r\nContent-Type: ${p.contentType ?? 'application/octet-stream'}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, 'utf8'));
    chunks.push('data' in p ? p.data : Buffer.from(p.value, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

const upload = (complaintId: string, parts: Part[], s: Session = world.users.agent.session) => {
  const body = multipart(parts);
  return app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${complaintId}/evidence`,
    headers: { ...s.headers, ...body.headers },
    payload: body.payload,
  });
};

const portalUpload = (parts: Part[]) => {
  const body = multipart(parts);
  return app.inject({
    method: 'POST',
    url: '/api/v1/portal/complaints/evidence',
    headers: body.headers,
    payload: body.payload,
  });
};

let phone = 13_900_000_000;
const newComplaint = async (s: Session = world.users.agent.session): Promise<string> => {
  phone += 1;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: s.headers,
    payload: hotlineComplaint({
      customer: { name: '刘女士', phone: String(phone), type: 'consumer' },
    }) as never,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().complaint.id as string;
};

// --- what is on disk and in the database ------------------------------------------------------------------

const blobFiles = (): string[] => {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && e.name !== 'tmp') walk(path.join(dir, e.name));
      else if (e.isFile()) out.push(e.name);
    }
  };
  walk(evidenceDir());
  return out;
};
const tempFiles = () =>
  existsSync(path.join(evidenceDir(), 'tmp')) ? readdirSync(path.join(evidenceDir(), 'tmp')) : [];

const counts = async () => {
  const [r] = await rowsOf<{ blobs: number; evidence: number; audit: number; events: number }>(
    deps.db.reader(),
    sql`select (select count(*) from evidence_blobs)::int as blobs,
               (select count(*) from complaint_evidence)::int as evidence,
               (select count(*) from audit_log where action = 'complaint.evidence_added')::int as audit,
               (select count(*) from outbox_events where type = 'complaint.evidence_added')::int as events`,
  );
  return r;
};

const blobPath = (sha: string) => path.join(evidenceDir(), sha.slice(0, 2), sha.slice(2, 4), sha);

// --- tests ---------------------------------------------------------------------------------------------------

describe('uploading evidence (issue 3 §1)', () => {
  it('should store photos, a PDF and a video typed by content, with thumbnails, audit rows and one event', async () => {
    const id = await newComplaint();
    const photo = await phonePhoto();
    const before = await counts();
    const res = await upload(id, [
      { name: 'caption', value: '包装内发现的头发，正面和侧面' },
      { name: 'file', filename: 'IMG_0001.JPG', data: photo, contentType: 'image/jpeg' },
      { name: 'file', filename: '截图.png', data: await screenshotPng(), contentType: 'image/png' },
      { name: 'file', filename: '发票 2026-03-01.pdf', data: minimalPdf(), contentType: 'application/pdf' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items;
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      complaintId: id,
      originalName: 'IMG_0001.JPG',
      mime: 'image/jpeg',
      kind: 'image',
      size: photo.length,
      // Stored 800×600 with orientation 6: shown as a 600×800 portrait.
      width: 600,
      height: 800,
      caption: '包装内发现的头发，正面和侧面',
      uploadedBy: world.users.agent.id,
      hasThumbnail: true,
      deduplicated: false,
      alreadyAttached: false,
    });
    expect(items[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(items[1]).toMatchObject({ mime: 'image/png', width: 400, height: 300, hasThumbnail: true });
    expect(items[2]).toMatchObject({
      originalName: '发票 2026-03-01.pdf',
      mime: 'application/pdf',
      kind: 'pdf',
      width: null,
      hasThumbnail: false,
      thumbnailUrl: null,
    });
    const after = await counts();
    expect(after).toEqual({
      blobs: (before?.blobs ?? 0) + 3,
      evidence: (before?.evidence ?? 0) + 3,
      audit: (before?.audit ?? 0) + 3,
      events: (before?.events ?? 0) + 1,
    });
    for (const item of items) expect(existsSync(blobPath(item.sha256))).toBe(true);
    expect(tempFiles()).toEqual([]);

    const video = await upload(id, [{ name: 'file', filename: 'VID_20260301.mp4', data: tinyMp4() }]);
    expect(video.json().items[0]).toMatchObject({ mime: 'video/mp4', kind: 'video', hasThumbnail: false });

    const [audit] = await rowsOf<{ after: Record<string, unknown>; entity_id: string }>(
      deps.db.reader(),
      sql`select after, entity_id from audit_log where action = 'complaint.evidence_added' and entity_id = ${id} order by chain_seq limit 1`,
    );
    expect(audit?.after).toMatchObject({
      sha256: items[0].sha256,
      size: photo.length,
      mime: 'image/jpeg',
      originalName: 'IMG_0001.JPG',
    });
  });

  it('should make a 320-px-wide upright JPEG thumbnail of a phone photo and store it by its own SHA-256', async () => {
    const id = await newComplaint();
    const res = await upload(id, [{ name: 'file', filename: 'portrait.jpg', data: await phonePhoto() }]);
    const item = res.json().items[0];
    const thumb = await app.inject({
      method: 'GET',
      url: item.thumbnailUrl,
      headers: world.users.agent.session.headers,
    });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBe(320);
    expect(meta.height).toBe(427); // upright: the portrait's 3:4, not the stored 4:3
    expect(meta.orientation).toBeUndefined();
    const [row] = await rowsOf<{ thumbnail_sha256: string }>(
      deps.db.reader(),
      sql`select thumbnail_sha256 from evidence_blobs where sha256 = ${item.sha256}`,
    );
    const thumbPath = blobPath(row?.thumbnail_sha256 ?? '');
    expect(statSync(thumbPath).size).toBe(thumb.rawPayload.length);
    expect(thumb.rawPayload.length).toBeLessThan(statSync(blobPath(item.sha256)).size);
    expect(thumb.headers.etag).toBe(`"${row?.thumbnail_sha256}"`);
  });

  it('should keep one blob for the same file twice, attached once per complaint', async () => {
    const first = await newComplaint();
    const second = await newComplaint();
    const pdf = Buffer.concat([minimalPdf(), Buffer.from(`% ${randomBytes(8).toString('hex')}\n`)]);
    const a = (await upload(first, [{ name: 'file', filename: 'a.pdf', data: pdf }])).json().items[0];
    const filesAfterFirst = blobFiles().length;
    const before = await counts();
    const again = await upload(first, [{ name: 'file', filename: 'a-again.pdf', data: pdf }]);
    expect(again.statusCode).toBe(201);
    expect(again.json().items[0]).toMatchObject({
      id: a.id,
      sha256: a.sha256,
      originalName: 'a.pdf',
      deduplicated: true,
      alreadyAttached: true,
    });
    const other = (await upload(second, [{ name: 'file', filename: 'b.pdf', data: pdf }])).json().items[0];
    expect(other).toMatchObject({ sha256: a.sha256, deduplicated: true, alreadyAttached: false });
    expect(other.id).not.toBe(a.id);
    const twiceInOne = await upload(second, [
      { name: 'file', filename: 'c.pdf', data: pdf },
      { name: 'file', filename: 'd.pdf', data: pdf },
    ]);
    expect(twiceInOne.json().items.map((i: { id: string }) => i.id)).toEqual([other.id, other.id]);
    expect(blobFiles().length).toBe(filesAfterFirst);
    expect(blobFiles().filter((f) => f === a.sha256)).toHaveLength(1);
    expect(await counts()).toEqual({
      ...before,
      evidence: (before?.evidence ?? 0) + 1,
      audit: (before?.audit ?? 0) + 1,
      events: (before?.events ?? 0) + 1,
    });
  });

  it('should ignore the name: a JPEG named .pdf is stored as image/jpeg, an executable named photo.jpg is refused', async () => {
    const id = await newComplaint();
    const jpegAsPdf = await upload(id, [
      { name: 'file', filename: 'receipt.pdf', data: await phonePhoto(), contentType: 'application/pdf' },
    ]);
    expect(jpegAsPdf.json().items[0]).toMatchObject({ originalName: 'receipt.pdf', mime: 'image/jpeg' });
    const before = await counts();
    const exe = await upload(id, [
      { name: 'file', filename: 'photo.jpg', data: elfBinary(), contentType: 'image/jpeg' },
    ]);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error).toMatchObject({
      code: 'EVIDENCE_TYPE_NOT_ALLOWED',
      details: { file: 'photo.jpg', detected: 'application/x-elf' },
    });
    const text = await upload(id, [{ name: 'file', filename: 'x.jpg', data: Buffer.from('只是一些文字') }]);
    expect(text.json().error.details.detected).toBe('unknown');
    const fakeJpeg = await upload(id, [
      {
        name: 'file',
        filename: 'fake.jpg',
        data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(400)]),
      },
    ]);
    expect(fakeJpeg.statusCode).toBe(415);
    expect(fakeJpeg.json().error.code).toBe('EVIDENCE_TYPE_NOT_ALLOWED');
    expect(await counts()).toEqual(before);
    expect(tempFiles()).toEqual([]);
  });

  it('should store a HEIC photo without a thumbnail when this server cannot decode it', async () => {
    const id = await newComplaint();
    const res = await upload(id, [{ name: 'file', filename: 'IMG_0002.HEIC', data: heicFile() }]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items[0]).toMatchObject({
      mime: 'image/heic',
      kind: 'image',
      width: 64,
      height: 48,
      hasThumbnail: false,
      thumbnailUrl: null,
    });
    const thumb = await app.inject({
      method: 'GET',
      url: `${res.json().items[0].contentUrl.replace(/content$/, 'thumbnail')}`,
      headers: world.users.agent.session.headers,
    });
    expect(thumb.statusCode).toBe(404);
    expect(thumb.json().error.code).toBe('EVIDENCE_THUMBNAIL_NOT_AVAILABLE');
  });

  it('should refuse a file over its kind’s limit with 413 and leave no rows and no files', async () => {
    const id = await newComplaint();
    const before = await counts();
    const filesBefore = blobFiles().length;
    const big = Buffer.concat([(await phonePhoto()).subarray(0, 200), randomBytes(60_000)]);
    const res = await upload(id, [
      { name: 'file', filename: 'ok.png', data: await screenshotPng() },
      { name: 'file', filename: 'big.jpg', data: big },
    ]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'EVIDENCE_TOO_LARGE',
      details: { file: 'big.jpg', kind: 'image', maxBytes: 50_000 },
    });
    // A 60 kB video is within the video limit: the limit is per kind.
    const video = Buffer.concat([tinyMp4(), randomBytes(60_000)]);
    expect((await upload(id, [{ name: 'file', filename: 'v.mp4', data: video }])).statusCode).toBe(201);
    const pdf = Buffer.concat([minimalPdf(), randomBytes(25_000)]);
    expect((await upload(id, [{ name: 'file', filename: 'p.pdf', data: pdf }])).json().error.code).toBe(
      'EVIDENCE_TOO_LARGE',
    );
    expect(await counts()).toEqual({
      blobs: (before?.blobs ?? 0) + 1,
      evidence: (before?.evidence ?? 0) + 1,
      audit: (before?.audit ?? 0) + 1,
      events: (before?.events ?? 0) + 1,
    });
    expect(blobFiles().length).toBe(filesBefore + 1);
    expect(tempFiles()).toEqual([]);
  });

  it('should refuse too many files, an empty upload, a JSON body and unknown fields, writing nothing', async () => {
    const id = await newComplaint();
    const before = await counts();
    const pdf = (n: number) => Buffer.concat([minimalPdf(), Buffer.from(`% ${n}\n`)]);
    const many = await upload(
      id,
      [1, 2, 3, 4].map((n) => ({ name: 'file', filename: `${n}.pdf`, data: pdf(n) })),
    );
    expect(many.statusCode).toBe(413);
    expect(many.json().error).toMatchObject({ code: 'EVIDENCE_TOO_MANY_FILES', details: { max: 3 } });
    const empty = await upload(id, [{ name: 'caption', value: '没有文件' }]);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: ['file'] }] },
    });
    const zeroBytes = await upload(id, [{ name: 'file', filename: 'empty.jpg', data: Buffer.alloc(0) }]);
    expect(zeroBytes.json().error.code).toBe('VALIDATION_FAILED');
    const json = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${id}/evidence`,
      headers: world.users.agent.session.headers,
      payload: { file: 'aGVsbG8=' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const unknown = await upload(id, [
      { name: 'complaintId', value: id },
      { name: 'file', filename: 'a.pdf', data: pdf(9) },
    ]);
    expect(unknown.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: ['complaintId'] }] },
    });
    const longCaption = await upload(id, [
      { name: 'caption', value: '长'.repeat(501) },
      { name: 'file', filename: 'a.pdf', data: pdf(10) },
    ]);
    expect(longCaption.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: ['caption'] }] },
    });
    const truncated = multipart([{ name: 'file', filename: 'a.pdf', data: pdf(11) }]);
    const cut = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${id}/evidence`,
      headers: { ...world.users.agent.session.headers, ...truncated.headers },
      payload: truncated.payload.subarray(0, truncated.payload.length - 20),
    });
    expect(cut.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    expect(tempFiles()).toEqual([]);
  });

  it('should take a file part without a filename and keep a Chinese file name intact', async () => {
    const id = await newComplaint();
    const res = await upload(id, [
      { name: 'file', data: Buffer.concat([minimalPdf(), Buffer.from('% noname\n')]) },
      { name: 'file', filename: '王女士的购物小票.png', data: await screenshotPng() },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items.map((i: { originalName: string }) => i.originalName)).toEqual([
      'evidence.pdf',
      '王女士的购物小票.png',
    ]);
  });
});

describe('reading evidence', () => {
  let id: string;
  let photo: Buffer;
  let items: { id: string; sha256: string; contentUrl: string; thumbnailUrl: string | null }[];
  const get = (url: string, headers: Record<string, string> = {}, s = world.users.agent.session) =>
    app.inject({ method: 'GET', url, headers: { ...s.headers, ...headers } });

  beforeAll(async () => {
    id = await newComplaint();
    photo = await phonePhoto();
    items = (
      await upload(id, [
        { name: 'file', filename: 'IMG_1234.jpg', data: photo },
        { name: 'file', filename: '检测报告 (终版).pdf', data: minimalPdf() },
      ])
    ).json().items;
  });

  it('should list the evidence with its URLs', async () => {
    const res = await get(`/api/v1/complaints/${id}/evidence`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual(items.map((i) => i.id));
    expect(res.json().items[0].contentUrl).toBe(`/api/v1/complaints/${id}/evidence/${items[0]?.id}/content`);
  });

  it('should return the identical bytes with the detected type, ETag, inline disposition and private caching', async () => {
    const res = await get(items[0]!.contentUrl);
    expect(res.statusCode).toBe(200);
    expect(Buffer.compare(res.rawPayload, photo)).toBe(0);
    expect(res.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'content-length': String(photo.length),
      etag: `"${items[0]?.sha256}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-cache',
      'accept-ranges': 'bytes',
    });
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="IMG_1234.jpg"; filename*=UTF-8''IMG_1234.jpg`,
    );
    const notModified = await get(items[0]!.contentUrl, { 'if-none-match': `"${items[0]?.sha256}"` });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.rawPayload.length).toBe(0);
  });

  it('should send a PDF as an attachment with its UTF-8 name percent-encoded', async () => {
    const res = await get(items[1]!.contentUrl);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="____ (__).pdf"; filename*=UTF-8''${encodeURIComponent('检测报告 ')}%28${encodeURIComponent('终版')}%29.pdf`,
    );
    expect(Buffer.compare(res.rawPayload, minimalPdf())).toBe(0);
  });

  it('should answer a byte range with 206 (video seeking) and an impossible one with 416', async () => {
    const part = await get(items[0]!.contentUrl, { range: 'bytes=10-19' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-19/${photo.length}`);
    expect(Buffer.compare(part.rawPayload, photo.subarray(10, 20))).toBe(0);
    const tail = await get(items[0]!.contentUrl, { range: 'bytes=-5' });
    expect(Buffer.compare(tail.rawPayload, photo.subarray(photo.length - 5))).toBe(0);
    const beyond = await get(items[0]!.contentUrl, { range: `bytes=${photo.length}-` });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${photo.length}`);
    expect(beyond.json().error.code).toBe('EVIDENCE_RANGE_NOT_SATISFIABLE');
  });

  it('should answer 404 to an agent of another department, for the list, the bytes and an upload', async () => {
    const outsider = world.users.engineer.session;
    expect((await get(`/api/v1/complaints/${id}/evidence`, {}, outsider)).json().error.code).toBe(
      'COMPLAINT_NOT_FOUND',
    );
    expect((await get(items[0]!.contentUrl, {}, outsider)).statusCode).toBe(404);
    expect((await get(items[0]!.thumbnailUrl!, {}, outsider)).statusCode).toBe(404);
    const before = await counts();
    const res = await upload(
      id,
      [{ name: 'file', filename: 'x.png', data: await screenshotPng() }],
      outsider,
    );
    expect(res.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
    const other = await newComplaint();
    expect(
      (await get(`/api/v1/complaints/${other}/evidence/${items[0]?.id}/content`)).json().error.code,
    ).toBe('EVIDENCE_NOT_FOUND');
  });

  it('should describe the multipart bodies and binary answers in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const post = doc.paths['/api/v1/complaints/{id}/evidence'].post;
    const form = post.requestBody.content['multipart/form-data'].schema;
    const schema = form.$ref ? doc.components.schemas[form.$ref.split('/').pop()] : form;
    expect(schema.properties.file.items).toMatchObject({ type: 'string', format: 'binary' });
    expect(
      doc.paths['/api/v1/portal/complaints/evidence'].post.requestBody.content['multipart/form-data'],
    ).toBeDefined();
    const content = doc.paths['/api/v1/complaints/{id}/evidence/{evidenceId}/content'].get;
    expect(content.responses['200'].content['video/mp4'].schema).toMatchObject({ format: 'binary' });
  });
});

describe('customers adding photos from the portal (issue 4)', () => {
  const submit = async (phoneNo: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/complaints',
      payload: {
        customer: { name: '赵阿姨', phone: phoneNo },
        product: { name: '纯牛奶 250ml', batchNo: 'M20260220' },
        problem: { description: '牛奶打开后有酸臭味，盒子也鼓起来了' },
        demands: ['exchange'],
        injury: 'none',
      },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { number: string; trackingToken: string };
  };

  it('should attach a phone photo to the complaint named by the token, as the customer', async () => {
    const receipt = await submit('13600001111');
    const res = await portalUpload([
      { name: 'token', value: receipt.trackingToken },
      { name: 'caption', value: '鼓起来的牛奶盒' },
      { name: 'file', filename: 'IMG_5678.JPG', data: await phonePhoto() },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      number: receipt.number,
      items: [{ mime: 'image/jpeg', width: 600, height: 800, hasThumbnail: true, alreadyAttached: false }],
    });
    expect(JSON.stringify(res.json())).not.toContain('/api/v1/complaints/');
    const staff = world.users.service.session;
    const found = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/complaints?q=${receipt.number}`,
        headers: staff.headers,
      })
    ).json().items[0];
    const list = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/complaints/${found.id}/evidence`,
        headers: staff.headers,
      })
    ).json().items;
    expect(list).toMatchObject([{ uploadedBy: 'customer', caption: '鼓起来的牛奶盒' }]);
    const [audit] = await rowsOf<{ actor_type: string }>(
      deps.db.reader(),
      sql`select actor_type from audit_log where action = 'complaint.evidence_added' and entity_id = ${found.id}`,
    );
    expect(audit?.actor_type).toBe('customer');
    const byNumber = await portalUpload([
      { name: 'number', value: receipt.number },
      { name: 'phoneLast4', value: '1111' },
      { name: 'file', filename: 'box.png', data: await screenshotPng() },
    ]);
    expect(byNumber.statusCode, byNumber.body).toBe(201);
  });

  it('should give a wrong token the same 404 as the portal look-up and keep nothing', async () => {
    const receipt = await submit('13600002222');
    const before = await counts();
    const lookup = await app.inject({
      method: 'GET',
      url: `/api/v1/portal/complaints/track?token=${'x'.repeat(32)}`,
    });
    const wrongToken = await portalUpload([
      { name: 'token', value: 'x'.repeat(32) },
      { name: 'file', filename: 'a.jpg', data: await phonePhoto() },
    ]);
    const wrongPhone = await portalUpload([
      { name: 'number', value: receipt.number },
      { name: 'phoneLast4', value: '9999' },
      { name: 'file', filename: 'a.jpg', data: await phonePhoto() },
    ]);
    for (const r of [wrongToken, wrongPhone]) {
      expect(r.statusCode).toBe(404);
      expect(r.json()).toEqual(lookup.json());
    }
    const keyAfterFiles = await portalUpload([
      { name: 'file', filename: 'a.jpg', data: await phonePhoto() },
      { name: 'token', value: receipt.trackingToken },
    ]);
    expect(keyAfterFiles.statusCode).toBe(400);
    expect(keyAfterFiles.json().error.details.issues[0].path).toEqual(['token']);
    expect(await counts()).toEqual(before);
    expect(tempFiles()).toEqual([]);
  });

  it('should refuse uploads once the complaint is closed', async () => {
    const receipt = await submit('13600003333');
    const staff = world.users.service.session;
    const found = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/complaints?q=${receipt.number}`,
        headers: staff.headers,
      })
    ).json().items[0];
    const withdrawn = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${found.id}/transitions`,
      headers: staff.headers,
      payload: { type: 'withdraw', reason: '顾客撤回' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const res = await portalUpload([
      { name: 'token', value: receipt.trackingToken },
      { name: 'file', filename: 'late.jpg', data: await phonePhoto() },
    ]);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'PORTAL_ACTION_NOT_AVAILABLE',
      details: { status: 'withdrawn' },
    });
  });
});
