import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, openPglite, rowsOf } from './client';
import { migrate } from './migrate';
import { prepareDataDir } from '../../test/db';

describe('the embedded database in a data directory', () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'vd-data-'));
    dirs.push(d);
    await prepareDataDir(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('keeps its data across a restart', async () => {
    const dir = await tempDir();
    const first = await openPglite(dir);
    await migrate(first);
    await first.db.execute(sql`insert into settings (key, value) values ('probe', '"giữ nguyên"'::jsonb)`);
    await first.close();

    const second = await openPglite(dir);
    await migrate(second); // idempotent on an existing database
    const rows = rowsOf<{ value: string }>(
      await second.db.execute(sql`select value from settings where key = 'probe'`),
    );
    expect(rows[0]?.value).toBe('giữ nguyên');
    await second.close();
  });

  it('refuses a second owner of the same directory with a clear message, and frees it on close', async () => {
    const dir = await tempDir();
    const first = await openPglite(dir);
    await expect(openPglite(dir)).rejects.toThrow(DataDirLockedError);
    await expect(openPglite(dir)).rejects.toThrow(/đang được tiến trình khác/);
    await first.close();
    const again = await openPglite(dir);
    await again.close();
  });

  it('takes over a stale lock left by a process that died', async () => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, 'vinhdanh.lock'), '999999999');
    const db = await openPglite(dir);
    await db.close();
  });
});
