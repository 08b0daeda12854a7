import { createRequire } from 'node:module';
import { request as httpRequest } from 'node:http';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { TEST_DB_KINDS } from '../../../test/db';
import { createPerson, createUnit, createUser } from '../../../test/factories';
import {
  exeBytes,
  htmlBytes,
  multipart,
  pdfBytes,
  pngBytes,
  sha256,
  type Part,
} from '../../../test/file-fixtures';
import { UPLOAD_HEADER } from '../../../../contract/files';
import { auditLog, files, initiativeEvidence } from '../../db/schema';
import { verifyAuditChain } from '../audit/audit.service';
import { blobExists, blobPath } from '../files/files.store';

const LIMIT = 256 * 1024;
const standardFontDataUrl = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;

/** Every blob in the store (not the temporary folder). */
async function blobsIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string, depth: number) {
    let names: string[];
    try {
      names = await readdir(d);
    } catch {
      return;
    }
    for (const n of names) {
      if (depth === 0 && n === 'tmp') continue;
      if (depth < 2) await walk(path.join(d, n), depth + 1);
      else out.push(n);
    }
  }
  await walk(dir, 0);
  return out.sort();
}

async function tempFiles(dir: string): Promise<string[]> {
  try {
    return await readdir(path.join(dir, 'tmp'));
  } catch {
    return [];
  }
}

describe.each(TEST_DB_KINDS)('evidence files of initiatives on %s', (kind) => {
  let ctx: TestContext;
  let filesDir: string;
  let wardA: { id: string };
  let person: { id: string };
  let officerA: string;
  let officerB: string;
  let headA: string;
  let officerAUser: string;

  beforeAll(async () => {
    ctx = await buildTestApp(kind, undefined, { filesMaxBytes: LIMIT });
    filesDir = ctx.deps.config.filesDir;
    const db = ctx.deps.db;
    const city = await createUnit(db, { name: 'Thành phố Thử nghiệm' });
    wardA = await createUnit(db, { parentId: city.id, name: 'Phường Hoàn Kiếm' });
    const wardB = await createUnit(db, { parentId: city.id, name: 'Phường Cửa Nam' });
    person = await createPerson(db, { orgUnitId: wardA.id, fullName: 'Nguyễn Văn Đức' });
    const a = await createUser(db, { orgUnitId: wardA.id, roles: ['officer'] });
    officerAUser = a.username;
    officerA = await loginAs(ctx.app, a);
    officerB = await loginAs(ctx.app, await createUser(db, { orgUnitId: wardB.id, roles: ['officer'] }));
    headA = await loginAs(ctx.app, await createUser(db, { orgUnitId: wardA.id, roles: ['head'] }));
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.database.close();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  });

  let initiatives = 0;
  // each initiative is a distinct one: an exact duplicate entry is refused (409)
  async function newInitiative(title = `Cải tiến quy trình một cửa số ${++initiatives}`) {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/people/${person.id}/initiatives`,
      headers: { cookie: officerA },
      payload: { year: 2025, title, scope: 'CO_SO' },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }

  const base = (initiativeId: string) => `/api/v1/people/${person.id}/initiatives/${initiativeId}/evidence`;

  function upload(
    initiativeId: string,
    parts: Part[],
    cookie = officerA,
    opts: { uploadHeader?: boolean } = {},
  ) {
    const body = multipart(parts, opts);
    return ctx.app.inject({
      method: 'POST',
      url: base(initiativeId),
      headers: { ...body.headers, cookie },
      payload: body.payload,
    });
  }

  const list = async (initiativeId: string, cookie = officerA) =>
    ctx.app.inject({ method: 'GET', url: base(initiativeId), headers: { cookie } });

  it('stores a real PDF and PNG, lists them, and gives back the same bytes with safe headers', async () => {
    const initiativeId = await newInitiative();
    const pdf = pdfBytes('Minh chung sang kien 2025');
    const png = pngBytes(16, 8);
    const res = await upload(initiativeId, [
      {
        filename: 'Quyết định công nhận sáng kiến.pdf'.normalize('NFD'),
        data: pdf,
        contentType: 'image/gif',
      },
      { filename: 'Ảnh chụp.png', data: png },
    ]);
    expect(res.statusCode).toBe(201);
    const items = res.json().items as { id: string; name: string; sha256: string; kind: string }[];
    expect(items.map((i) => [i.name, i.kind, i.sha256])).toEqual([
      ['Quyết định công nhận sáng kiến.pdf', 'pdf', sha256(pdf)],
      ['Ảnh chụp.png', 'png', sha256(png)],
    ]);

    const listing = (await list(initiativeId)).json();
    expect(listing.limits).toEqual({
      maxBytes: LIMIT,
      kinds: ['pdf', 'jpeg', 'png', 'webp', 'docx', 'xlsx', 'doc', 'xls'],
    });
    const listed = listing.items;
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({
      name: 'Quyết định công nhận sáng kiến.pdf',
      size: pdf.length,
      mime: 'application/pdf', // from the bytes, not from the Content-Type the client sent
      sha256: sha256(pdf),
      uploadedBy: { username: officerAUser },
      uploadedAt: '2026-11-23T03:00:00.000Z',
    });

    const dl = await ctx.app.inject({
      method: 'GET',
      url: `${base(initiativeId)}/${items[0]!.id}`,
      headers: { cookie: headA }, // a head may read what they may not write
    });
    expect(dl.statusCode).toBe(200);
    expect(sha256(dl.rawPayload)).toBe(sha256(pdf));
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-length']).toBe(String(pdf.length));
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-security-policy']).toMatch(/\bsandbox\b/);
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="Quyet dinh cong nhan sang kien.pdf"; filename*=UTF-8''${encodeURIComponent('Quyết định công nhận sáng kiến.pdf')}`,
    );
    // the PDF that comes back opens and holds its text
    const doc = await getDocument({ data: new Uint8Array(dl.rawPayload), standardFontDataUrl }).promise;
    const page = await doc.getPage(1);
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
    expect(text).toContain('Minh chung sang kien 2025');
    await doc.destroy();

    const img = await ctx.app.inject({
      method: 'GET',
      url: `${base(initiativeId)}/${items[1]!.id}`,
      headers: { cookie: officerA },
    });
    expect(img.headers['content-type']).toBe('image/png');
    expect(sha256(img.rawPayload)).toBe(sha256(png));

    // on disk at the content's address, under two levels of folders
    expect(await blobExists(filesDir, sha256(pdf))).toBe(true);
    expect(blobPath(filesDir, sha256(png))).toContain(
      path.join(sha256(png).slice(0, 2), sha256(png).slice(2, 4)),
    );
    expect(await tempFiles(filesDir)).toEqual([]);
  });

  it('refuses a .pdf name holding PNG bytes (415), and stores nothing', async () => {
    const initiativeId = await newInitiative();
    const res = await upload(initiativeId, [{ filename: 'quyet-dinh.pdf', data: pngBytes(3, 3, [1, 2, 3]) }]);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'unsupported_file_type' });
    expect(res.json().message).toBe(
      'Tệp "quyet-dinh.pdf" có nội dung là PNG, không khớp với phần mở rộng ".pdf". Hãy kiểm tra lại tệp hoặc đổi tên cho đúng loại.',
    );
    expect((await list(initiativeId)).json().items).toEqual([]);
    expect(await blobExists(filesDir, sha256(pngBytes(3, 3, [1, 2, 3])))).toBe(false);
  });

  it('refuses an executable or a web page renamed .pdf (415), whatever the Content-Type says', async () => {
    const initiativeId = await newInitiative();
    const exe = await upload(initiativeId, [
      { filename: 'bao-cao.pdf', data: exeBytes(), contentType: 'application/pdf' },
    ]);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('unsupported_file_type');
    expect(exe.json().message).toMatch(
      /^Tệp "bao-cao.pdf" không thuộc loại được chấp nhận \(nội dung là tệp EXE\)\. Chỉ nhận: PDF, JPEG/,
    );
    const html = await upload(initiativeId, [
      { filename: 'bao-cao.pdf', data: htmlBytes(), contentType: 'application/pdf' },
    ]);
    expect(html.statusCode).toBe(415);
    expect(html.json().message).toMatch(/không thuộc loại được chấp nhận\. Chỉ nhận/);
    // one good file with one bad one: all or nothing
    const mixed = await upload(initiativeId, [
      { filename: 'tot.pdf', data: pdfBytes('tot') },
      { filename: 'xau.png', data: htmlBytes() },
    ]);
    expect(mixed.statusCode).toBe(415);
    expect((await list(initiativeId)).json().items).toEqual([]);
    expect(await tempFiles(filesDir)).toEqual([]);
  });

  it('names a file by its content when it has no extension, and drops a client path', async () => {
    const initiativeId = await newInitiative();
    const res = await upload(initiativeId, [
      { filename: 'Quyết định số 12.2025', data: pdfBytes('so 12') },
      { filename: 'C:\\Users\\canbo\\Ảnh hồ sơ.png', data: pngBytes(2, 2) },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json().items.map((i: { name: string }) => i.name)).toEqual([
      'Quyết định số 12.2025.pdf',
      'Ảnh hồ sơ.png',
    ]);
  });

  it('refuses a file over the limit with 413 while it is still arriving, without buffering it', async () => {
    const initiativeId = await newInitiative();
    const small = await upload(initiativeId, [
      { filename: 'lon.pdf', data: Buffer.concat([pdfBytes(), Buffer.alloc(LIMIT)]) },
    ]);
    expect(small.statusCode).toBe(413);
    expect(small.json()).toMatchObject({ code: 'file_too_large' });
    expect(small.json().message).toBe('Tệp "lon.pdf" vượt quá dung lượng cho phép (tối đa 0,3 MB).');

    // Over a real connection: send up to 64 MB and see the answer come while it is still being sent.
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const boundary = 'vinhdanhbigupload';
    const TOTAL = 64 * 1024 * 1024;
    const result = await new Promise<{ status: number; sent: number; body: string; connection?: string }>(
      (resolve, reject) => {
        let sent = 0;
        let answered = false;
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: base(initiativeId),
          headers: {
            cookie: officerA,
            [UPLOAD_HEADER.name]: UPLOAD_HEADER.value,
            'content-type': `multipart/form-data; boundary=${boundary}`,
          },
        });
        req.on('response', (res) => {
          answered = true;
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, sent, body, connection: res.headers.connection });
            req.destroy();
          });
        });
        req.on('error', (e) => (answered ? undefined : reject(e)));
        req.write(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="rat-lon.pdf"\r\n` +
            'Content-Type: application/pdf\r\n\r\n',
        );
        const block = Buffer.alloc(64 * 1024, 0x41);
        const pump = () => {
          while (!answered && sent < TOTAL) {
            sent += block.length;
            if (!req.write(block)) return void req.once('drain', pump);
          }
          if (!answered) req.end(`\r\n--${boundary}--\r\n`);
        };
        pump();
      },
    );
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).code).toBe('file_too_large');
    expect(result.connection).toBe('close'); // the server does not wait for the rest
    // the answer came after a few times the limit (socket buffers), far from the whole 64 MB
    expect(result.sent).toBeLessThan(16 * 1024 * 1024);
    expect(await tempFiles(filesDir)).toEqual([]);
  });

  it('stores 20 parallel uploads of the same bytes to 20 initiatives as one blob and 20 links', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => newInitiative(`Sáng kiến ${i}`)));
    const bytes = pdfBytes('cung mot noi dung');
    const results = await Promise.all(
      ids.map((id, i) => upload(id, [{ filename: `ban-sao-${i}.pdf`, data: bytes }])),
    );
    expect(results.map((r) => r.statusCode)).toEqual(ids.map(() => 201));
    const rows = await ctx.deps.db
      .select()
      .from(files)
      .where(eq(files.sha256, sha256(bytes)));
    expect(rows).toHaveLength(20);
    const links = await ctx.deps.db
      .select()
      .from(initiativeEvidence)
      .innerJoin(files, eq(files.id, initiativeEvidence.fileId))
      .where(eq(files.sha256, sha256(bytes)));
    expect(new Set(links.map((l) => l.initiative_evidence.initiativeId))).toEqual(new Set(ids));
    expect((await blobsIn(filesDir)).filter((b) => b === sha256(bytes))).toHaveLength(1);
    expect(await tempFiles(filesDir)).toEqual([]);
  });

  it('keeps one link when the same bytes are sent 20 times at once to one initiative', async () => {
    const initiativeId = await newInitiative();
    const bytes = pngBytes(7, 7, [9, 9, 9]);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => upload(initiativeId, [{ filename: `anh-${i}.png`, data: bytes }])),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const items = (await list(initiativeId)).json().items;
    expect(items).toHaveLength(1);
    for (const r of results) {
      expect(r.json().items[0]).toMatchObject({ id: items[0].id, sha256: sha256(bytes) });
    }
    expect(results.filter((r) => r.json().items[0].alreadyAttached)).toHaveLength(19);
  });

  it("answers 404 to another unit's officer, and 403 to a head who may read but not write", async () => {
    const initiativeId = await newInitiative();
    const up = await upload(initiativeId, [{ filename: 'a.pdf', data: pdfBytes('pham vi') }]);
    const fileId = up.json().items[0].id as string;
    expect(
      (await upload(initiativeId, [{ filename: 'b.pdf', data: pdfBytes('x') }], officerB)).statusCode,
    ).toBe(404);
    expect((await list(initiativeId, officerB)).statusCode).toBe(404);
    const get = (cookie: string) =>
      ctx.app.inject({ method: 'GET', url: `${base(initiativeId)}/${fileId}`, headers: { cookie } });
    const del = (cookie: string) =>
      ctx.app.inject({ method: 'DELETE', url: `${base(initiativeId)}/${fileId}`, headers: { cookie } });
    expect((await get(officerB)).statusCode).toBe(404);
    expect((await get(officerB)).json()).toMatchObject({ code: 'not_found' });
    expect((await del(officerB)).statusCode).toBe(404);

    const byHead = await upload(initiativeId, [{ filename: 'c.pdf', data: pdfBytes('y') }], headA);
    expect(byHead.statusCode).toBe(403);
    expect((await del(headA)).statusCode).toBe(403);
    expect((await list(initiativeId, headA)).json().items).toHaveLength(1);

    // the initiative of another person, or a file of another initiative, is missing too
    const other = await newInitiative('Khác');
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: `${base(other)}/${fileId}`,
          headers: { cookie: officerA },
        })
      ).statusCode,
    ).toBe(404);
    const stranger = await createPerson(ctx.deps.db, { orgUnitId: wardA.id });
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/v1/people/${stranger.id}/initiatives/${initiativeId}/evidence`,
          headers: { cookie: officerA },
        })
      ).statusCode,
    ).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: base(initiativeId) })).statusCode).toBe(401);
  });

  it('refuses a multipart upload without the custom header (403): an HTML form cannot set one', async () => {
    const initiativeId = await newInitiative();
    const res = await upload(initiativeId, [{ filename: 'a.pdf', data: pdfBytes() }], officerA, {
      uploadHeader: false,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'upload_header_required' });
    expect(res.json().message).toMatch(/X-Requested-With/);

    const body = multipart([{ filename: 'a.pdf', data: pdfBytes() }]);
    const crossSite = await ctx.app.inject({
      method: 'POST',
      url: base(initiativeId),
      headers: { ...body.headers, cookie: officerA, origin: 'https://evil.example', host: 'localhost' },
      payload: body.payload,
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().code).toBe('csrf_rejected');

    // JSON to the upload route, and multipart anywhere else, are refused
    const json = await ctx.app.inject({
      method: 'POST',
      url: base(initiativeId),
      headers: { cookie: officerA, [UPLOAD_HEADER.name]: UPLOAD_HEADER.value },
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('multipart_required');
    const elsewhere = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/people/${person.id}/initiatives`,
      headers: { ...body.headers, cookie: officerA },
      payload: body.payload,
    });
    expect(elsewhere.statusCode).toBe(415);
    expect((await list(initiativeId)).json().items).toEqual([]);
  });

  it('refuses bad names, empty files, no file, other fields and too many files with 400/413', async () => {
    const initiativeId = await newInitiative();
    const nul = await upload(initiativeId, [{ filename: 'evil.exe\u0000.pdf', data: pdfBytes() }]);
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({ code: 'invalid_file_name', message: 'Tên tệp chứa ký tự NUL.' });
    const long = await upload(initiativeId, [{ filename: `${'đ'.repeat(300)}.pdf`, data: pdfBytes() }]);
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toBe('Tên tệp dài quá 255 ký tự.');
    const bidi = await upload(initiativeId, [{ filename: 'hoa-don\u202efdp.exe', data: pdfBytes() }]);
    expect(bidi.statusCode).toBe(400);
    const empty = await upload(initiativeId, [{ filename: 'trong.pdf', data: Buffer.alloc(0) }]);
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'empty_file' });
    const none = await upload(initiativeId, []);
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'no_file' });
    const field = await upload(initiativeId, [{ data: 'ghi chú' }]);
    expect(field.statusCode).toBe(400);
    expect(field.json()).toMatchObject({ code: 'invalid_upload' });
    const many = await upload(
      initiativeId,
      Array.from({ length: 11 }, (_, i) => ({ filename: `t${i}.pdf`, data: pdfBytes(`so ${i}`) })),
    );
    expect(many.statusCode).toBe(413);
    expect(many.json()).toMatchObject({ code: 'too_many_files' });
    expect((await list(initiativeId)).json().items).toEqual([]);
    expect(await tempFiles(filesDir)).toEqual([]);
  });

  it('unlinks on delete (then the list is empty), keeping a blob another upload still uses', async () => {
    const first = await newInitiative();
    const second = await newInitiative();
    const bytes = pdfBytes('dung chung');
    const a = (await upload(first, [{ filename: 'a.pdf', data: bytes }])).json().items[0];
    const b = (await upload(second, [{ filename: 'b.pdf', data: bytes }])).json().items[0];
    const del = (initiativeId: string, fileId: string) =>
      ctx.app.inject({
        method: 'DELETE',
        url: `${base(initiativeId)}/${fileId}`,
        headers: { cookie: officerA },
      });

    expect((await del(first, a.id)).statusCode).toBe(204);
    expect((await list(first)).json().items).toEqual([]);
    expect((await del(first, a.id)).statusCode).toBe(404);
    expect(await blobExists(filesDir, sha256(bytes))).toBe(true); // the second initiative still uses it
    const still = await ctx.app.inject({
      method: 'GET',
      url: `${base(second)}/${b.id}`,
      headers: { cookie: officerA },
    });
    expect(sha256(still.rawPayload)).toBe(sha256(bytes));

    expect((await del(second, b.id)).statusCode).toBe(204);
    expect((await list(second)).json().items).toEqual([]);
    expect(await blobExists(filesDir, sha256(bytes))).toBe(false);
    expect(
      await ctx.deps.db
        .select()
        .from(files)
        .where(eq(files.sha256, sha256(bytes))),
    ).toEqual([]);

    // the same bytes uploaded again are stored again
    expect((await upload(first, [{ filename: 'a.pdf', data: bytes }])).statusCode).toBe(201);
    expect(await blobExists(filesDir, sha256(bytes))).toBe(true);
  });

  it('never loses a blob when one link of it is removed while the same bytes are uploaded again', async () => {
    for (let round = 0; round < 8; round++) {
      const [first, second] = await Promise.all([newInitiative(), newInitiative()]);
      const bytes = pngBytes(5, 5, [round, 7, 7]);
      const a = (await upload(first, [{ filename: 'a.png', data: bytes }])).json().items[0];
      const [removed, added] = await Promise.all([
        ctx.app.inject({ method: 'DELETE', url: `${base(first)}/${a.id}`, headers: { cookie: officerA } }),
        upload(second, [{ filename: 'b.png', data: bytes }]),
      ]);
      expect([removed.statusCode, added.statusCode]).toEqual([204, 201]);
      const b = added.json().items[0];
      const back = await ctx.app.inject({
        method: 'GET',
        url: `${base(second)}/${b.id}`,
        headers: { cookie: officerA },
      });
      expect(back.statusCode).toBe(200);
      expect(sha256(back.rawPayload)).toBe(sha256(bytes));
    }
  });

  it('audits every attach and detach with the hash and the name, never the bytes', async () => {
    const initiativeId = await newInitiative();
    const bytes = pdfBytes('nhat ky');
    const item = (await upload(initiativeId, [{ filename: 'Nhật ký.pdf', data: bytes }])).json().items[0];
    await ctx.app.inject({
      method: 'DELETE',
      url: `${base(initiativeId)}/${item.id}`,
      headers: { cookie: officerA },
    });
    const rows = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'initiative'), eq(auditLog.entityId, initiativeId)))
      .orderBy(auditLog.seq);
    const evidence = rows.filter((r) => r.action.startsWith('initiative.evidence_'));
    const expected = {
      fileId: item.id,
      name: 'Nhật ký.pdf',
      sha256: sha256(bytes),
      size: bytes.length,
      mime: 'application/pdf',
    };
    expect(evidence.map((r) => [r.action, r.before, r.after, r.orgUnitId, r.actorUsername])).toEqual([
      ['initiative.evidence_attach', null, expected, wardA.id, officerAUser],
      ['initiative.evidence_detach', expected, null, wardA.id, officerAUser],
    ]);
    expect(JSON.stringify(evidence)).not.toContain('nhat ky'); // the PDF's text is not in the log
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });
});
