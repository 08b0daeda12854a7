import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../test/db';
import { buildTestApp, type TestContext } from '../../../test/app';
import { createUnit } from '../../../test/factories';
import { auditLog, settings } from '../../db/schema';
import type { Actor } from '../auth/auth.policy';
import { verifyAuditChain } from './audit.service';
import { unitOfWork } from './unit-of-work';

describe.each(TEST_DB_KINDS)('the unit of work on %s', (kind) => {
  let ctx: TestContext;
  let actor: Actor;

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const unit = await createUnit(ctx.deps.db, { name: 'Phường Láng' });
    actor = {
      userId: '00000000-0000-4000-8000-000000000001',
      username: 'canbo',
      fullName: 'Cán bộ',
      roles: ['officer'],
      orgUnitId: unit.id,
      orgUnitName: unit.name,
      scopePath: unit.path,
    };
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.database.close();
  });

  const write = (key: string) => (uow: { tx: TestContext['deps']['db'] }) =>
    uow.tx.insert(settings).values({ key, value: 1, updatedBy: 'test' });
  const stored = async (key: string) =>
    (await ctx.deps.db.select().from(settings).where(eq(settings.key, key))).length;

  it('commits the change with its audit row when authorised and recorded', async () => {
    await unitOfWork(ctx.deps, actor, async (uow) => {
      uow.authorise(true);
      await write('uow.ok')(uow);
      await uow.record({ action: 'test.write', entityType: 'test', entityId: 'uow.ok', after: { v: 1 } });
    });
    expect(await stored('uow.ok')).toBe(1);
    const [row] = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.entityId, 'uow.ok'));
    expect(row).toMatchObject({ actorUsername: 'canbo', action: 'test.write', after: { v: 1 } });
  });

  it('refuses with 403, or 404 when asked to hide, and writes nothing', async () => {
    await expect(
      unitOfWork(ctx.deps, actor, async (uow) => {
        await write('uow.refused')(uow);
        uow.authorise(false);
      }),
    ).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    await expect(
      unitOfWork(ctx.deps, actor, async (uow) => uow.authorise(false, 'hide')),
    ).rejects.toMatchObject({ status: 404 });
    expect(await stored('uow.refused')).toBe(0);
  });

  it('rolls back a change that was never authorised, or left no audit row', async () => {
    await expect(
      unitOfWork(ctx.deps, actor, async (uow) => {
        await write('uow.unauthorised')(uow);
      }),
    ).rejects.toThrow(/never authorised/);
    await expect(
      unitOfWork(ctx.deps, actor, async (uow) => {
        uow.authorise(true);
        await write('uow.unrecorded')(uow);
      }),
    ).rejects.toThrow(/no audit row/);
    expect(await stored('uow.unauthorised')).toBe(0);
    expect(await stored('uow.unrecorded')).toBe(0);
  });

  it('records that a secret act happened, never its content', async () => {
    await unitOfWork(ctx.deps, actor, async (uow) => {
      uow.authorise(true);
      await uow.record({
        action: 'ballot.cast',
        entityType: 'council_session',
        entityId: 'phien-1',
        secret: true,
      });
    });
    const [row] = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.entityId, 'phien-1'));
    expect(row).toMatchObject({ action: 'ballot.cast', actorUsername: 'canbo', before: null, after: null });
    await expect(
      unitOfWork(ctx.deps, actor, async (uow) => {
        uow.authorise(true);
        await uow.record({
          action: 'ballot.cast',
          entityType: 'council_session',
          entityId: 'phien-2',
          secret: true,
          after: { choice: 'yes' },
        });
      }),
    ).rejects.toThrow(/secret/);
    expect(await ctx.deps.db.select().from(auditLog).where(eq(auditLog.entityId, 'phien-2'))).toEqual([]);
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });
});
