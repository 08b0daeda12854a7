import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../test/db';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { createPerson, createUnit, createUser } from '../../../test/factories';
import { auditLog, people } from '../../db/schema';
import { appendAudit, listAuditSeqs, type AuditListFilter } from './audit.repository';
import { systemUnitOfWork } from './unit-of-work';

interface Summary {
  seq: number;
  at: string;
  actorUsername: string;
  action: string;
  entityType: string;
  entityId: string;
  entityLabel: string | null;
  personId: string | null;
  orgUnitId: string | null;
  orgUnitName: string | null;
  changedFields: string[];
}

describe.each(TEST_DB_KINDS)('the audit log viewer on %s', (kind) => {
  let ctx: TestContext;
  let city: { id: string; path: string };
  let wardA: { id: string; path: string };
  let teamA: { id: string; path: string };
  let wardB: { id: string; path: string };
  let personA: string;
  let personTeam: string;
  let personB: string;
  const cookies: Record<string, string> = {};
  const users: Record<string, string> = {};

  const get = (who: string, url: string) =>
    ctx.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
  const send = (who: string, method: 'POST' | 'PATCH', url: string, payload?: object) =>
    ctx.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
  /** Every entry the reader sees for a query, following the pages. */
  async function all(who: string, query = '', limit = 100): Promise<Summary[]> {
    const items: Summary[] = [];
    let before: number | null = null;
    for (;;) {
      const sep = query ? '&' : '';
      const res = await get(
        who,
        `/api/v1/audit?${query}${sep}limit=${limit}${before === null ? '' : `&before=${before}`}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Summary[]; nextBefore: number | null };
      items.push(...body.items);
      if (body.nextBefore === null) return items;
      before = body.nextBefore;
    }
  }

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const db = ctx.deps.db;
    city = await createUnit(db, { name: 'Thành phố Thử' });
    wardA = await createUnit(db, { parentId: city.id, name: 'Phường Láng' });
    teamA = await createUnit(db, { parentId: wardA.id, name: 'Trạm Y tế Láng', kind: 'public_service' });
    wardB = await createUnit(db, { parentId: city.id, name: 'Phường Đống Đa' });
    personA = (await createPerson(db, { orgUnitId: wardA.id, fullName: 'Nguyễn Thị Hằng' })).id;
    personTeam = (await createPerson(db, { orgUnitId: teamA.id, fullName: 'Lê Văn Đức' })).id;
    personB = (await createPerson(db, { orgUnitId: wardB.id, fullName: 'Phạm Quốc Bảo' })).id;
    const accounts: [string, string, 'admin' | 'board' | 'officer' | 'head' | 'council'][] = [
      ['officerA', wardA.id, 'officer'],
      ['headA', wardA.id, 'head'],
      ['officerB', wardB.id, 'officer'],
      ['admin', city.id, 'admin'],
      ['board', city.id, 'board'],
      ['council', city.id, 'council'],
      ['adminA', wardA.id, 'admin'],
    ];
    for (const [name, unit, role] of accounts) {
      const user = await createUser(db, { orgUnitId: unit, roles: [role] });
      users[name] = user.username;
      cookies[name] = await loginAs(ctx.app, user);
    }
    // what the officers do in their wards
    const ok = (res: { statusCode: number; body: string }, status: number) =>
      expect(res.statusCode, res.body).toBe(status);
    ok(
      await send('officerA', 'POST', `/api/v1/people/${personA}/ratings`, { year: 2024, level: 'HTT' }),
      201,
    );
    ok(
      await send('officerA', 'POST', `/api/v1/people/${personTeam}/ratings`, { year: 2024, level: 'HT' }),
      201,
    );
    const [row] = await db.select({ version: people.version }).from(people).where(eq(people.id, personA));
    ok(
      await send('officerA', 'PATCH', `/api/v1/people/${personA}`, {
        version: row!.version,
        fullName: 'Nguyễn Thị Thu Hằng',
        ethnicity: 'Tày',
      }),
      200,
    );
    ok(
      await send('officerB', 'POST', `/api/v1/people/${personB}/ratings`, { year: 2024, level: 'HTXS' }),
      201,
    );
    // an entry of the whole system (no unit), carrying a secret
    await systemUnitOfWork(ctx.deps, 'cli', (uow) =>
      uow.record({
        action: 'user.create',
        entityType: 'user',
        entityId: 'tai-khoan-cli',
        after: { username: 'tai-khoan-cli', passwordHash: '$argon2id$bi-mat' },
      }),
    );
  });
  afterAll(async () => ctx?.close());

  it('shows an officer the entries of their ward and its units, never another ward nor the system', async () => {
    const seen = await all('officerA');
    expect(seen.map((e) => e.action)).toEqual(['person.update', 'rating.create', 'rating.create']);
    expect(seen.every((e) => e.orgUnitId === wardA.id || e.orgUnitId === teamA.id)).toBe(true);
    const [update] = seen;
    expect(update).toMatchObject({
      actorUsername: users.officerA,
      entityType: 'person',
      entityId: personA,
      entityLabel: 'Nguyễn Thị Thu Hằng',
      personId: personA,
      orgUnitName: 'Phường Láng',
    });
    expect(update!.changedFields).toEqual(expect.arrayContaining(['fullName', 'ethnicity']));
    expect(update!.changedFields).not.toContain('gender');
    // a rating is about its person: named, and linked
    const rating = seen.find((e) => e.entityType === 'rating' && e.personId === personTeam);
    expect(rating?.entityLabel).toBe('Lê Văn Đức · 2024');
    // the other ward's officer sees only theirs; the head of A the same as A's officer
    expect((await all('officerB')).map((e) => e.personId)).toEqual([personB]);
    expect((await all('headA')).map((e) => e.seq)).toEqual(seen.map((e) => e.seq));
    // an administrator of the ward is bound to the ward too, and never sees the system's entries
    expect((await all('adminA')).map((e) => e.seq)).toEqual(seen.map((e) => e.seq));
  });

  it('shows the city (admin, Board) everything, the system entries included; the council only what has a unit', async () => {
    const everything = await all('admin');
    expect(everything.map((e) => e.action)).toEqual([
      'user.create',
      'rating.create',
      'person.update',
      'rating.create',
      'rating.create',
    ]);
    expect((await all('board')).map((e) => e.seq)).toEqual(everything.map((e) => e.seq));
    expect((await all('council')).map((e) => e.action)).not.toContain('user.create');
    expect(await all('council')).toHaveLength(4);
  });

  it('filters by actor, action or action prefix, entity, person, unit subtree and free text without accents', async () => {
    expect((await all('admin', `actor=${users.officerB}`)).map((e) => e.personId)).toEqual([personB]);
    expect((await all('admin', 'action=rating.')).map((e) => e.action)).toEqual([
      'rating.create',
      'rating.create',
      'rating.create',
    ]);
    expect(await all('admin', 'action=rating.*')).toHaveLength(3);
    expect(await all('admin', 'action=rating')).toHaveLength(3);
    expect((await all('admin', 'action=person.update')).map((e) => e.entityId)).toEqual([personA]);
    expect(await all('admin', 'action=person.create')).toEqual([]);
    expect((await all('admin', 'entityType=user')).map((e) => e.entityId)).toEqual(['tai-khoan-cli']);
    expect((await all('admin', `entityType=person&entityId=${personA}`)).map((e) => e.action)).toEqual([
      'person.update',
    ]);
    // a person's history: the person's own entries and their record's
    expect((await all('officerA', `personId=${personA}`)).map((e) => e.action)).toEqual([
      'person.update',
      'rating.create',
    ]);
    expect(await all('officerB', `personId=${personA}`)).toEqual([]);
    // a unit and its subtree
    expect((await all('admin', `orgUnitId=${teamA.id}`)).map((e) => e.personId)).toEqual([personTeam]);
    expect(await all('admin', `orgUnitId=${wardA.id}`)).toHaveLength(3);
    // free text: a person's name typed without accents, a unit's name, the actor's user name
    expect((await all('admin', `q=${encodeURIComponent('thu hang')}`)).map((e) => e.personId)).toEqual([
      personA,
      personA,
    ]);
    expect((await all('admin', `q=${encodeURIComponent('DUC')}`)).map((e) => e.personId)).toEqual([
      personTeam,
    ]);
    expect((await all('admin', `q=${encodeURIComponent('dong da')}`)).map((e) => e.personId)).toEqual([]);
    expect((await all('admin', `q=${encodeURIComponent(users.officerB!)}`)).map((e) => e.personId)).toEqual([
      personB,
    ]);
    expect(await all('officerA', `q=${encodeURIComponent('bao')}`)).toEqual([]);
  });

  it('refuses a unit outside the reader’s scope, an inverted date range and a malformed action', async () => {
    expect((await get('officerA', `/api/v1/audit?orgUnitId=${wardB.id}`)).statusCode).toBe(404);
    expect((await get('officerA', '/api/v1/audit?from=2026-11-23&to=2026-11-01')).statusCode).toBe(400);
    expect((await get('officerA', '/api/v1/audit?action=DROP%20TABLE')).statusCode).toBe(400);
    expect((await get('officerA', '/api/v1/audit?limit=1000')).statusCode).toBe(400);
  });

  it('answers one entry with its fields, the changed ones marked and secrets hidden; 404 outside the scope', async () => {
    const [update] = await all('officerA', 'action=person.update');
    const detail = await get('officerA', `/api/v1/audit/${update!.seq}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json() as {
      fields: { key: string; before: unknown; after: unknown; changed: boolean }[];
      hash: string;
    };
    expect(body.fields.find((f) => f.key === 'fullName')).toEqual({
      key: 'fullName',
      before: 'Nguyễn Thị Hằng',
      after: 'Nguyễn Thị Thu Hằng',
      changed: true,
    });
    expect(body.fields.find((f) => f.key === 'gender')).toMatchObject({ changed: false });
    expect(body.hash).toMatch(/^[0-9a-f]{64}$/);

    const [other] = await all('officerB');
    const [system] = await all('admin', 'entityType=user');
    expect((await get('officerA', `/api/v1/audit/${other!.seq}`)).statusCode).toBe(404);
    expect((await get('council', `/api/v1/audit/${system!.seq}`)).statusCode).toBe(404);
    expect((await get('officerA', '/api/v1/audit/999999')).statusCode).toBe(404);
    const secret = (await get('admin', `/api/v1/audit/${system!.seq}`)).json() as {
      after: Record<string, unknown>;
      fields: { key: string; after: unknown }[];
    };
    expect(secret.after.passwordHash).toBe('••••••');
    expect(secret.fields.find((f) => f.key === 'passwordHash')?.after).toBe('••••••');
    expect(JSON.stringify(secret)).not.toContain('bi-mat');
  });

  it('filters by days in Vietnam time, the bounds included', async () => {
    const db = ctx.deps.db;
    const write = (at: string, entityId: string) =>
      db.transaction((tx) =>
        appendAudit(tx, new Date(at), {
          actorUserId: null,
          actorUsername: 'test',
          action: 'test.write',
          entityType: 'test',
          entityId,
          orgUnitId: wardA.id,
        }),
      );
    // later than every entry before (numbers and times go up together)
    await write('2026-11-30T16:59:00Z', 'ngay-30-11'); // 23:59 on 30/11 in Vietnam
    await write('2026-11-30T17:00:00Z', 'ngay-01-12'); // 00:00 on 01/12
    await write('2026-12-02T16:30:00Z', 'ngay-02-12'); // 23:30 on 02/12
    const ids = async (query: string) =>
      (await all('officerA', `action=test.&${query}`)).map((e) => e.entityId);
    expect(await ids('from=2026-12-01&to=2026-12-01')).toEqual(['ngay-01-12']);
    expect(await ids('from=2026-12-01&to=2026-12-02')).toEqual(['ngay-02-12', 'ngay-01-12']);
    expect(await ids('to=2026-11-30')).toEqual(['ngay-30-11']);
    expect(await ids('from=2026-12-02')).toEqual(['ngay-02-12']);
    expect(await ids('from=2027-01-01')).toEqual([]);
    expect(await ids('to=2026-01-01')).toEqual([]);
    // the entries of 23/11 (the test clock) and none of those
    expect((await all('officerA', 'from=2026-11-23&to=2026-11-23')).map((e) => e.action)).toEqual([
      'person.update',
      'rating.create',
      'rating.create',
    ]);
  });

  it('pages newest first by number, and the pages neither repeat nor skip while entries are appended', async () => {
    const db = ctx.deps.db;
    const snapshot = (await all('admin')).map((e) => e.seq);
    const seen: number[] = [];
    let before: number | null = null;
    let round = 0;
    for (;;) {
      const res = await get('admin', `/api/v1/audit?limit=2${before === null ? '' : `&before=${before}`}`);
      const body = res.json() as { items: Summary[]; nextBefore: number | null };
      seen.push(...body.items.map((e) => e.seq));
      // others write meanwhile, several at once
      await Promise.all(
        [0, 1, 2].map((i) =>
          send('officerA', 'POST', `/api/v1/people/${personTeam}/ratings`, {
            year: 2000 + round * 3 + i,
            level: 'HT',
          }),
        ),
      );
      round++;
      if (body.nextBefore === null) break;
      before = body.nextBefore;
    }
    expect(seen).toEqual(snapshot);
    const count = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(Number(count[0]!.n)).toBe(snapshot.length + round * 3);
  });

  it('finds the same page walking the log as merging the units of the subtree', async () => {
    const db = ctx.deps.db;
    const filters: Partial<AuditListFilter>[] = [
      {},
      { action: { prefix: 'rating.' } },
      { action: { exact: 'person.update' } },
      { actor: users.officerA },
      { seqBelow: 10 },
      { fromAt: new Date('2026-11-01T00:00:00+07:00'), toAt: new Date('2026-11-24T00:00:00+07:00') },
    ];
    for (const scope of [city.path, wardA.path, wardB.path, teamA.path]) {
      for (const f of filters) {
        for (const includeUnscoped of [false, true]) {
          const base = { scopePath: scope, includeUnscoped, limit: 7, ...f };
          const walk = await listAuditSeqs(db, { ...base, plan: 'walk' });
          const units = await listAuditSeqs(db, { ...base, plan: 'units' });
          expect(units, JSON.stringify({ scope, f, includeUnscoped })).toEqual(walk);
        }
      }
    }
  });
});
