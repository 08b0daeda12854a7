import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../test/db';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { createPerson, createUnit, createUser } from '../../../test/factories';
import { auditLog } from '../../db/schema';
import { appendAudit } from './audit.repository';
import { verifyAuditChain } from './audit.service';

describe.each(TEST_DB_KINDS)('audit log on %s', (kind) => {
  let ctx: TestContext;
  let cookie: string;
  let personId: string;

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const unit = await createUnit(ctx.deps.db, { name: 'Phường Láng' });
    personId = (await createPerson(ctx.deps.db, { orgUnitId: unit.id })).id;
    cookie = await loginAs(
      ctx.app,
      await createUser(ctx.deps.db, { orgUnitId: unit.id, roles: ['officer'] }),
    );
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.database.close();
  });

  const addRating = (year: number, level: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/people/${personId}/ratings`,
      headers: { cookie },
      payload: { year, level },
    });

  it('writes one chained row per change, with actor, before and after', async () => {
    expect((await addRating(2022, 'HTT')).statusCode).toBe(201);
    expect((await addRating(2023, 'HTXS')).statusCode).toBe(201);
    const rows = await ctx.deps.db.select().from(auditLog).orderBy(auditLog.seq);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      seq: 1,
      action: 'rating.create',
      entityType: 'rating',
      prevHash: '0'.repeat(64),
    });
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[1]!.after).toMatchObject({ year: 2023, level: 'HTXS' });
    expect(rows[1]!.actorUsername).toMatch(/^u/);
    expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({ ok: true, checked: 2 });
  });

  it('writes nothing when the change fails', async () => {
    const before = (await ctx.deps.db.select().from(auditLog)).length;
    expect((await addRating(2023, 'HT')).statusCode).toBe(409);
    expect((await ctx.deps.db.select().from(auditLog)).length).toBe(before);
  });

  it('keeps the chain whole under concurrent writers', async () => {
    const results = await Promise.all([2015, 2016, 2017, 2018, 2019].map((y) => addRating(y, 'HTT')));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it('refuses a change whose audit row would not be stored as hashed, leaving the chain whole', async () => {
    // the edge refuses such text; this is the last line of defence for a caller that bypasses it
    const before = (await ctx.deps.db.select().from(auditLog)).length;
    await expect(
      ctx.deps.db.transaction((tx) =>
        appendAudit(tx, new Date(), {
          actorUserId: null,
          actorUsername: 'test',
          action: 'test.write',
          entityType: 'test',
          entityId: 'x',
          after: { note: 'abc\ud800def' },
        }),
      ),
    ).rejects.toThrow();
    expect((await ctx.deps.db.select().from(auditLog)).length).toBe(before);
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it('refuses updates and deletes of audit rows in the database itself', async () => {
    await expect(ctx.deps.db.execute(sql`update audit_log set reason = 'x' where seq = 1`)).rejects.toThrow();
    await expect(ctx.deps.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
  });

  it('detects a row tampered with behind the trigger, and a row removed', async () => {
    await ctx.deps.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await ctx.deps.db.execute(
      sql`update audit_log set after = jsonb_set(after, '{level}', '"HTXS"') where seq = 1`,
    );
    await ctx.deps.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const result = await verifyAuditChain(ctx.deps.db);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { seq: 1, code: 'content', problem: 'row content does not match its hash' },
    ]);
  });
});
