import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The console and the portal are single-page apps: real files (hashed assets) come from the build directory;
 * any other GET that is not an API call answers the page's HTML so deep links (`/complaints/…`,
 * `/portal/track?token=…`) work. Pages are sent with a strict CSP; hashed assets are cached for a year.
 */
export type WebFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Ant Design writes its CSS-in-JS into <style> elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>Closeloop</title>
<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto">
<h1>控制台尚未构建 · The console is not built</h1>
<p>运行 <code>npm run build:web</code>（<code>npm start</code> 会自动构建）。API 照常可用：<a href="/api/docs">/api/docs</a>。</p>
<p>Run <code>npm run build:web</code> (<code>npm start</code> builds it for you). The API works: <a href="/api/docs">/api/docs</a>.</p>
</body></html>`;

export type WebPages = {
  /** Serves the hashed assets; register after the error handler so static 404s use the error contract. */
  readonly register: (app: FastifyInstance) => Promise<void>;
  readonly fallback: WebFallback;
};

export const loadWeb = (webDir: string): WebPages => {
  const built = existsSync(path.join(webDir, 'index.html'));
  const page = (name: string) => (built ? readFileSync(path.join(webDir, name), 'utf8') : NOT_BUILT);
  // Read once: the build does not change under a running server (a rebuild needs a restart).
  const pages = { console: page('index.html'), portal: page('portal.html') };
  const register = async (app: FastifyInstance) => {
    if (!built) return;
    await app.register(fastifyStatic, {
      root: path.join(webDir, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      immutable: true,
      maxAge: '365d',
    });
    for (const file of ['favicon.svg']) {
      if (!existsSync(path.join(webDir, file))) continue;
      const body = readFileSync(path.join(webDir, file));
      app.get(`/${file}`, { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) =>
        reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(body),
      );
    }
  };
  const fallback: WebFallback = (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    if (pathname.startsWith('/api/') || pathname.startsWith('/assets/') || pathname === '/api')
      return undefined;
    const isPortal = pathname === '/portal' || pathname.startsWith('/portal/');
    return reply
      .code(built ? 200 : 503)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CSP)
      .send(isPortal ? pages.portal : pages.console);
  };
  return { register, fallback };
};
