/**
 * The Excel import of year-end ratings on PostgreSQL, beside a bare COPY of the same rows in the same run.
 *
 * Seeds a city of `--people` (the demo generator), builds the officer's spreadsheet of every person (by
 * code, or by name and birth date for those without one), then, `--repeat` times:
 * - the bare COPY: the spreadsheet's rows as text, COPY'd into a scratch table without indexes;
 * - the import as the job runs it (`importRatings`: read the workbook, check every row, match every
 *   person, write every rating in one transaction), progress printed as it goes; its ratings are deleted
 *   afterwards, so each round writes the same.
 * Prints both rates (rows per second) and the ratio of the medians; target: the import at least a quarter
 * of COPY's rate. Then, once: the same file imported again (every rating unchanged), and the report.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { rowsOf, withPgClient } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { seedDemo } from '../server/src/db/seed/demo';
import { systemClock, todayInVietnam } from '../server/src/lib/clock';
import type { Deps } from '../server/src/deps';
import { jobActor } from '../server/src/modules/jobs/jobs.service';
import { importReport } from '../server/src/modules/ratings-import/ratings-import.report';
import { importRatings } from '../server/src/modules/ratings-import/ratings-import.service';
import { largeRatingSheet, type SheetCell } from '../server/test/rating-sheets';
import { seconds, withPostgres } from './pg';

const log = (m: string) => process.stderr.write(`  [import] ${m}\n`);
const LEVELS = ['Hoàn thành xuất sắc nhiệm vụ', 'HTT', 'hoàn thành tốt nhiệm vụ', 'HT', 'KHT'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

/** COPY … FROM STDIN with node-postgres and no extra package: a query object that answers the server's CopyIn. */
function copyIn(client: pg.Client, statement: string, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const query = {
      submit(connection: { query(text: string): void }) {
        connection.query(statement);
      },
      handleCopyInResponse(connection: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }) {
        const bytes = Buffer.from(data, 'utf8');
        for (let i = 0; i < bytes.length; i += 1 << 20)
          connection.sendCopyFromChunk(bytes.subarray(i, i + (1 << 20)));
        connection.endCopyFrom();
      },
      handleError: (e: Error) => reject(e),
      handleReadyForQuery: () => resolve(),
      handleCommandComplete() {},
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
    };
    void client.query(query as never);
  });
}

/** One row of the COPY text: tab-separated, \N for nothing, backslash and control characters escaped. */
function copyLine(cells: SheetCell[]): string {
  return (
    cells
      .map((c) =>
        c === null || c === undefined
          ? '\\N'
          : c instanceof Date
            ? c.toISOString().slice(0, 10)
            : String(c).replace(/[\\\t\n\r]/g, (x) =>
                x === '\\' ? '\\\\' : x === '\t' ? '\\t' : x === '\n' ? '\\n' : '\\r',
              ),
      )
      .join('\t') + '\n'
  );
}

export async function runImportBench(o: {
  postgresUrl: string;
  people: number;
  years: number;
  repeat: number;
}) {
  await withPostgres(o.postgresUrl, async (database, url) => {
    const db = database.db;
    await migrate(database);
    let t0 = process.hrtime.bigint();
    await seedDemo(db, { people: o.people, years: o.years, log: (m) => log(m) });
    log(`seeded in ${seconds(t0).toFixed(1)} s`);
    const deps: Deps = {
      db,
      dbKind: database.kind,
      clock: systemClock,
      config: {
        sessionSecret: 'bench-secret-bench-secret-bench-secret',
        webDist: '/nonexistent',
        filesDir: os.tmpdir(),
        filesMaxBytes: 64 << 20,
        filesAllowedTypes: ['xlsx'],
      },
    };
    const year = Number(todayInVietnam(systemClock).slice(0, 4));
    const [board] = rowsOf<{ id: string }>(
      await db.execute(sql`select id from users where username = 'bantdkt'`),
    );
    const actor = await jobActor(deps, board!.id);
    const [root] = rowsOf<{ id: string; name: string }>(
      await db.execute(sql`select id, name from org_units where parent_id is null`),
    );

    // the officer's spreadsheet: everyone, by code when they have one, else by name and birth date (those
    // two names and birth dates cannot tell apart are left out, as an officer would give their code)
    const people = rowsOf<{ code: string | null; full_name: string; birth: string | null; twins: number }>(
      await db.execute(sql`select code, full_name, to_char(birth_date, 'YYYY-MM-DD') as birth,
          count(*) over (partition by lower(full_name), birth_date)::int as twins
        from people order by org_unit_id, sort_key collate "C"`),
    );
    const rows: SheetCell[][] = [];
    for (const p of people) {
      if (!p.code && (p.twins > 1 || !p.birth)) continue;
      const level = LEVELS[rows.length % LEVELS.length]!;
      rows.push(
        p.code && rows.length % 3 !== 0
          ? [rows.length + 1, p.code, p.full_name, null, null, level]
          : [
              rows.length + 1,
              p.code,
              p.full_name,
              p.birth ? new Date(`${p.birth}T00:00:00Z`) : null,
              null,
              level,
            ],
      );
    }
    t0 = process.hrtime.bigint();
    const bytes = await largeRatingSheet(rows);
    log(
      `spreadsheet: ${fmt(rows.length)} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB (built in ${seconds(t0).toFixed(1)} s)`,
    );
    const params = {
      orgUnitId: root!.id,
      year,
      fileId: '00000000-0000-4000-8000-000000000000',
      fileName: 'xep-loai-ca-thanh-pho.xlsx',
      sha256: '0'.repeat(64),
      bytes,
    };
    await db.execute(sql`analyze`);

    // the same ratings as the import writes them, for the second baseline: COPY into a table like ratings
    const ids = rowsOf<{ id: string; code: string | null; full_name: string; birth: string | null }>(
      await db.execute(
        sql`select id, code, full_name, to_char(birth_date, 'YYYY-MM-DD') as birth from people`,
      ),
    );
    const byCode = new Map(ids.filter((p) => p.code).map((p) => [p.code!, p.id]));
    const byNameBirth = new Map(ids.map((p) => [`${p.full_name}|${p.birth}`, p.id]));
    const ratingLines = rows
      .map((r, i) => {
        const id =
          (r[1] && byCode.get(r[1] as string)) ??
          byNameBirth.get(`${r[2]}|${(r[3] as Date).toISOString().slice(0, 10)}`);
        const level = ['HTXS', 'HTT', 'HTT', 'HT', 'KHT'][i % 5];
        return `${randomUUID()}\t${id}\t${year}\t${level}\n`;
      })
      .join('');

    const copyTimes: number[] = [];
    const copyRatingsTimes: number[] = [];
    const importTimes: number[] = [];
    const phases: { read: number; match: number; write: number }[] = [];
    await withPgClient(url, async (client) => {
      await client.query(`create table scratch_copy (row_no int, code text, full_name text, birth_date date,
        unit text, rating text)`);
      // the second baseline: a table like ratings (its indexes, checks, the key to people), no triggers
      await client.query(`create table scratch_ratings (like ratings including all)`);
      await client.query(`alter table scratch_ratings add foreign key (person_id) references people (id)`);
      for (let round = 1; round <= o.repeat; round++) {
        // the bare COPY of the same rows
        await client.query('truncate scratch_copy');
        t0 = process.hrtime.bigint();
        let text = '';
        for (const r of rows) text += copyLine(r);
        await copyIn(client, 'copy scratch_copy from stdin', text);
        copyTimes.push(seconds(t0));
        log(`round ${round}: COPY ${fmt(rows.length)} rows in ${copyTimes.at(-1)!.toFixed(2)} s`);

        // the second baseline: the ratings the import writes, COPY'd into a table like ratings
        await client.query('truncate scratch_ratings');
        t0 = process.hrtime.bigint();
        await copyIn(client, 'copy scratch_ratings (id, person_id, year, level) from stdin', ratingLines);
        copyRatingsTimes.push(seconds(t0));
        log(
          `round ${round}: COPY of the ${fmt(rows.length)} ratings into a table like ratings in ${copyRatingsTimes.at(-1)!.toFixed(2)} s`,
        );

        // the import
        t0 = process.hrtime.bigint();
        const out = await importRatings(deps, actor, params, async (percent, message) => {
          log(`round ${round}: ${String(percent).padStart(3)}% ${message}`);
        });
        importTimes.push(seconds(t0));
        phases.push(out.timings);
        if (out.result.outcome !== 'written') {
          throw new Error(`the import was refused: ${JSON.stringify(out.result.problems.slice(0, 3))}`);
        }
        log(
          `round ${round}: import ${fmt(out.result.counts.added)} new in ${importTimes.at(-1)!.toFixed(2)} s ` +
            `(read ${out.timings.read.toFixed(2)} s, match ${out.timings.match.toFixed(2)} s, write ${out.timings.write.toFixed(2)} s)`,
        );
        if (round < o.repeat) {
          await db.execute(sql`delete from ratings where year = ${year}`);
          await db.execute(sql`delete from eligibility_stale`);
          await db.execute(sql`vacuum analyze ratings`);
          await db.execute(sql`vacuum analyze eligibility_stale`);
        }
      }
      await client.query('drop table scratch_copy');
      await client.query('drop table scratch_ratings');
    });

    t0 = process.hrtime.bigint();
    const again = await importRatings(deps, actor, params, async () => {});
    const againSeconds = seconds(t0);
    t0 = process.hrtime.bigint();
    const report = await importReport(again.read.parsed, again.rows, again.outcomes, again.result, {
      date1904: false,
      importedAt: '—',
    });
    const reportSeconds = seconds(t0);

    const copyRate = rows.length / median(copyTimes);
    const copyRatingsRate = rows.length / median(copyRatingsTimes);
    const importRate = rows.length / median(importTimes);
    const ratio = importRate / copyRate;
    const ratioRatings = importRate / copyRatingsRate;
    const ph = (k: 'read' | 'match' | 'write') => median(phases.map((p) => p[k])).toFixed(2);
    console.log(
      `\nImport of ${fmt(rows.length)} year-end ratings, PostgreSQL, ${o.repeat} round(s), medians:`,
    );
    console.log(`| | Seconds | Rows/s |`);
    console.log(`|---|---|---|`);
    console.log(
      `| bare COPY of the sheet's rows into a scratch table (no index) | ${median(copyTimes).toFixed(2)} | ${fmt(copyRate)} |`,
    );
    console.log(
      `| COPY of the ratings into a table like ratings (indexes, key to people) | ${median(copyRatingsTimes).toFixed(2)} | ${fmt(copyRatingsRate)} |`,
    );
    console.log(
      `| import (read ${ph('read')} s, check and match ${ph('match')} s, write ${ph('write')} s) | ${median(importTimes).toFixed(2)} | ${fmt(importRate)} |`,
    );
    console.log(
      `| the same file again (${fmt(again.result.counts.unchanged)} unchanged, nothing written) | ${againSeconds.toFixed(2)} | ${fmt(rows.length / againSeconds)} |`,
    );
    console.log(
      `| its report workbook (${(report.length / 1024 / 1024).toFixed(1)} MB) | ${reportSeconds.toFixed(2)} | ${fmt(rows.length / reportSeconds)} |`,
    );
    console.log(
      `\nImport rate / bare COPY rate = ${ratio.toFixed(2)} (target ≥ 0.25): ${ratio >= 0.25 ? 'MET' : 'NOT MET'}; ` +
        `import rate / COPY into a table like ratings = ${ratioRatings.toFixed(2)}; load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
  });
}
