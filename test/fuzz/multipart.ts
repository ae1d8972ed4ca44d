/** multipart/form-data bodies for the upload routes, including broken ones. */

export type Part = {
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly data: string | Uint8Array;
};

export type MultipartBody = {
  readonly parts: readonly Part[];
  /** A broken body: cut short, with no closing boundary, or with a boundary other than the header's. */
  readonly broken?: 'truncate' | 'no-end' | 'boundary';
};

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

/** What people upload, and what they should not: real tiny files, truncated ones, lies about the type, nothing. */
export const FILE_SAMPLES: Readonly<Record<string, Uint8Array>> = {
  png: Uint8Array.from(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    ),
  ),
  pngTruncated: hex('89504e470d0a1a0a0000000d4948445200000001'),
  jpegGarbage: hex('ffd8ffe000104a46494600010100000100010000ffdb004300ffffffffffffffffffff'),
  gifGarbage: Uint8Array.from(Buffer.from('GIF89a\u0001\u0000\u0001\u0000garbage', 'latin1')),
  pdf: Uint8Array.from(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')),
  mp4Garbage: hex('000000186674797069736f6d0000020069736f6d69736f32ffffffff'),
  empty: new Uint8Array(0),
  text: Uint8Array.from(Buffer.from('这不是图片 not an image')),
  exe: hex('4d5a90000300000004000000ffff0000'),
  svg: Uint8Array.from(
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  ),
};

export const FILE_NAMES = [
  'photo.jpg',
  '照片.png',
  '😀.pdf',
  '\u202Egpj.exe',
  '../../etc/passwd',
  'a'.repeat(300),
  'x\u0000.jpg',
  '',
];

const quote = (s: string) => s.replace(/["\\\r\n]/g, (c) => encodeURIComponent(c));

/** The body and its Content-Type header. */
export const encodeMultipart = (
  m: MultipartBody,
): { contentType: string; payload: Buffer; preview: string } => {
  const boundary = '----closeloopfuzz7e3';
  const chunks: Buffer[] = [];
  const shown: string[] = [];
  for (const p of m.parts) {
    const disposition =
      `form-data; name="${quote(p.name)}"` +
      (p.filename !== undefined ? `; filename="${quote(p.filename)}"` : '');
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
          (p.contentType ? `Content-Type: ${p.contentType}\r\n` : '') +
          '\r\n',
      ),
      Buffer.from(p.data),
      Buffer.from('\r\n'),
    );
    shown.push(
      `${p.name}${p.filename !== undefined ? `(${p.filename})` : ''}=${typeof p.data === 'string' ? JSON.stringify(p.data) : `<${p.data.length} bytes>`}`,
    );
  }
  if (m.broken !== 'no-end' && m.broken !== 'truncate') chunks.push(Buffer.from(`--${boundary}--\r\n`));
  let payload = Buffer.concat(chunks);
  if (m.broken === 'truncate') payload = payload.subarray(0, Math.max(1, Math.floor(payload.length / 2)));
  const header = m.broken === 'boundary' ? 'other-boundary' : boundary;
  return {
    contentType: `multipart/form-data; boundary=${header}`,
    payload,
    preview: `multipart[${shown.join(', ')}]${m.broken ? ` (${m.broken})` : ''}`,
  };
};
