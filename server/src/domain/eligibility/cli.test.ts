import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEligibilityCheck } from './cli';
import { contractExample } from './testing';

const example = contractExample();

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vinhdanh-eligibility-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(content: string | undefined, name = 'case.json') {
  const file = join(dir, name);
  if (content !== undefined) await writeFile(file, content, 'utf8');
  let stdout = '';
  let stderr = '';
  const code = await runEligibilityCheck(file, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
  });
  return { code, stdout, stderr };
}

describe('runEligibilityCheck (vinhdanh eligibility check FILE)', () => {
  it('prints one verdict for one case and exits 0', async () => {
    const r = await run(JSON.stringify(example));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const v = JSON.parse(r.stdout);
    expect(v).toMatchObject({
      id: 'any string, echoed back',
      award: 'CSTD_BO_TINH',
      eligible: true,
      regime: 'LUAT_2022_ND152',
    });
    expect(v.reasons[0]).toEqual({
      rule: 'cstd-bo-tinh.three-consecutive-cstdcs',
      met: true,
      message: 'Có 03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở (2023, 2024, 2025)',
      basis: 'Luật Thi đua, khen thưởng 2022, Điều 22',
    });
  });

  it('prints an array of verdicts in the same order, and exits 0 also when not eligible', async () => {
    const cases = [
      { ...example, id: 'a' },
      {
        id: 'b',
        award: 'LDTT',
        asOf: '2024-03-01',
        year: 2023,
        subject: { kind: 'individual', ratings: [{ year: 2023, level: 'HT' }] },
      },
      {
        id: 'c',
        award: 'TTLDTT',
        asOf: '2023-03-01',
        year: 2022,
        subject: {
          kind: 'collective',
          ratings: [{ year: 2022, level: 'HTT' }],
          members: { total: 10, ldtt: 6 },
        },
      },
    ];
    const r = await run(JSON.stringify(cases), 'many.json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Array.isArray(out)).toBe(true);
    expect(out.map((v: { id: string }) => v.id)).toEqual(['a', 'b', 'c']);
    expect(out.map((v: { eligible: boolean }) => v.eligible)).toEqual([true, false, true]);
    expect(out.map((v: { regime: string }) => v.regime)).toEqual([
      'LUAT_2022_ND152',
      'LUAT_2022_ND98',
      'LUAT_2003_ND91',
    ]);
  });

  it('accepts a file starting with a byte-order mark', async () => {
    const r = await run(`\uFEFF${JSON.stringify(example)}`, 'bom.json');
    expect(r.code).toBe(0);
  });

  it('exits 2 with a bilingual error for a missing file', async () => {
    const r = await run(undefined, 'does-not-exist.json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('không tìm thấy tệp');
    expect(r.stderr).toContain('file not found');
  });

  it('exits 2 for bad JSON', async () => {
    const r = await run('{ "award": ', 'bad.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[invalid_json]');
    expect(r.stderr).toContain('không phải JSON hợp lệ');
  });

  it('exits 2 for an invalid case and lists every problem with its path', async () => {
    const bad = {
      ...example,
      award: 'NOPE',
      subject: { ...example.subject, ratings: [{ year: 2025, level: 'X' }] },
    };
    const r = await run(JSON.stringify([example, bad]), 'invalid.json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Lỗi [invalid_case]');
    expect(r.stderr).toContain('Error [invalid_case]: invalid eligibility case');
    expect(r.stderr).toContain('  - [1].award:');
    expect(r.stderr).toContain('  - [1].subject.ratings[0].level:');
  });

  it('exits 2 for an asOf before the first rule set', async () => {
    const r = await run(
      JSON.stringify({ ...example, asOf: '2017-09-30', year: 2017, subject: { kind: 'individual' } }),
      'old.json',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('asOf');
  });
});
