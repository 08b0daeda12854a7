import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, webCacheControl } from '../app';
import type { Database } from '../db/client';
import { fixedClock } from '../lib/clock';
import { createTestDb } from '../../test/db';
import { testConfig, TEST_NOW } from '../../test/app';

/** A tiny built web application, as scripts/build.mjs leaves it: hashed assets with .br and .gz beside them. */
function fakeWebDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vd-web-'));
  mkdirSync(path.join(dir, 'assets'));
  const files: Record<string, string> = {
    'index.html': `<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div>${' '.repeat(2000)}</body></html>`,
    'assets/index-AbC123.js': `console.log(${JSON.stringify('Vinh Danh '.repeat(300))});`,
    'assets/index-AbC123.css': `body { color: #1f2937; }\n`.repeat(100),
  };
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    writeFileSync(`${file}.br`, brotliCompressSync(content));
    writeFileSync(`${file}.gz`, gzipSync(content));
  }
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>'); // too small to compress
  return dir;
}

describe('the web application as the server sends it', () => {
  let database: Database;
  let app: FastifyInstance;
  let webDist: string;

  beforeAll(async () => {
    webDist = fakeWebDist();
    database = await createTestDb('pglite');
    app = (await buildApp(
      {
        db: database.db,
        dbKind: database.kind,
        clock: fixedClock(TEST_NOW),
        config: testConfig({ webDist }),
      },
      { serveWeb: true },
    )) as unknown as FastifyInstance;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends a hashed asset in brotli when the browser takes it, cached for a year and never revalidated', async () => {
    const res = await get('/assets/index-AbC123.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toContain('Vinh Danh');
  });

  it('falls back to gzip, then to the plain file, as the browser accepts', async () => {
    const gz = await get('/assets/index-AbC123.css', 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/text\/css/);
    expect(gunzipSync(gz.rawPayload).toString()).toContain('#1f2937');
    const plain = await get('/assets/index-AbC123.css');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('#1f2937');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never lets index.html be cached without asking, at / and at a client-side route', async () => {
    for (const url of ['/', '/index.html', '/people/123']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toContain('/assets/index-AbC123.js');
    }
  });

  it('revalidates the small files beside index.html and sends them as they are', async () => {
    const res = await get('/favicon.svg', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset 404 in the one error format, not with index.html', async () => {
    const res = await get('/assets/index-Old999.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
  });

  it('does not serve the compressed copies under their own names', async () => {
    const res = await get('/assets/index-AbC123.js.br');
    expect(res.statusCode).toBe(404);
  });

  it('keeps long caching to the hashed assets folder', () => {
    expect(webCacheControl('/srv/web', '/srv/web/assets/app-x1.js.br')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(webCacheControl('/srv/web', '/srv/web/index.html')).toBe('no-cache');
    expect(webCacheControl('/srv/web', '/srv/web/assets.json')).toBe('no-cache');
  });
});
