import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import {
  EligibilityCase as EligibilityCaseSchema,
  EligibilityCheckBody,
} from '../../../../contract/eligibility';
import { EligibilityInputError } from './errors';
import { parseCase, parseCases, type ParseOptions } from './parse-case';
import { contractExample } from './testing';

const example = contractExample;

const collective = () => ({
  award: 'TTLDTT',
  asOf: '2025-12-15',
  year: 2025,
  subject: {
    kind: 'collective',
    ratings: [{ year: 2025, level: 'HTT' }],
    members: { total: 40, completedTasks: 40, ldtt: 30, cstdcs: 2, disciplinedWarningOrAbove: 0 },
  },
});

function problems(input: unknown, opts?: ParseOptions): EligibilityInputError {
  try {
    parseCases(input, opts);
  } catch (e) {
    if (e instanceof EligibilityInputError) return e;
    throw e;
  }
  throw new Error('expected an EligibilityInputError');
}

type Mutator = (c: ReturnType<typeof example>) => unknown;

describe('parseCases', () => {
  it('accepts the contract example and the collective shape', () => {
    expect(parseCases(example())).toEqual({ cases: [example()], single: true });
    expect(parseCases([example(), collective()]).single).toBe(false);
    expect(parseCases([]).cases).toEqual([]);
    expect(Value.Check(EligibilityCaseSchema, example())).toBe(true);
    expect(Value.Check(EligibilityCheckBody, [example(), collective()])).toBe(true);
  });

  it('accepts a case without id and without record lists (missing means none on record)', () => {
    const c = { award: 'LDTT', asOf: '2025-12-15', year: 2025, subject: { kind: 'individual' } };
    expect(parseCase(c)).toEqual(c);
  });

  it.each<[string, Mutator, string, string]>([
    ['an unknown field at the top', (c) => ({ ...c, extra: 1 }), 'extra', 'không được phép'],
    [
      'an unknown field in the subject',
      (c) => ({ ...c, subject: { ...c.subject, name: 'A' } }),
      'subject.name',
      'không được phép',
    ],
    [
      'an unknown field in a rating',
      (c) => ({ ...c, subject: { ...c.subject, ratings: [{ year: 2025, level: 'HTT', note: 'x' }] } }),
      'subject.ratings[0].note',
      'không được phép',
    ],
    ['an unknown award code', (c) => ({ ...c, award: 'HUY_HIEU' }), 'award', 'không có trong danh mục'],
    ['a missing award', ({ award: _a, ...c }) => c, 'award', 'thiếu'],
    ['a missing subject', ({ subject: _s, ...c }) => c, 'subject', 'thiếu'],
    [
      'an unknown rating level',
      (c) => ({
        ...c,
        subject: {
          ...c.subject,
          ratings: [
            { year: 2024, level: 'HTT' },
            { year: 2025, level: 'XUAT_SAC' },
          ],
        },
      }),
      'subject.ratings[1].level',
      'mức xếp loại',
    ],
    [
      'an unknown initiative scope',
      (c) => ({ ...c, subject: { ...c.subject, initiatives: [{ year: 2025, scope: 'TINH' }] } }),
      'subject.initiatives[0].scope',
      'phạm vi ảnh hưởng',
    ],
    [
      'an unknown discipline form',
      (c) => ({ ...c, subject: { ...c.subject, discipline: [{ year: 2025, form: 'PHE_BINH' }] } }),
      'subject.discipline[0].form',
      'hình thức kỷ luật',
    ],
    [
      'an unknown award type',
      (c) => ({ ...c, subject: { ...c.subject, awards: [{ code: 'GK', year: 2025, type: 'special' }] } }),
      'subject.awards[0].type',
      'loại hình khen thưởng',
    ],
    [
      'an unknown code in the award history',
      (c) => ({ ...c, subject: { ...c.subject, awards: [{ code: 'CSTD', year: 2025 }] } }),
      'subject.awards[0].code',
      'không có trong danh mục',
    ],
    ['a judged year after the year of asOf', (c) => ({ ...c, year: 2026 }), 'year', 'tương lai'],
    [
      'a rating year after the year of asOf',
      (c) => ({ ...c, subject: { ...c.subject, ratings: [{ year: 2026, level: 'HTT' }] } }),
      'subject.ratings[0].year',
      'tương lai',
    ],
    [
      'an asOf that is not a real date',
      (c) => ({ ...c, asOf: '2025-02-30' }),
      'asOf',
      'không phải ngày có thật',
    ],
    ['an asOf in another format', (c) => ({ ...c, asOf: '15/12/2025' }), 'asOf', 'yyyy-mm-dd'],
    [
      'an asOf before the first rule set',
      (c) => ({ ...c, asOf: '2016-05-01', year: 2015 }),
      'asOf',
      '2017-10-01',
    ],
    ['a year given as a string', (c) => ({ ...c, year: '2025' }), 'year', 'số nguyên'],
    ['a year that is not an integer', (c) => ({ ...c, year: 2025.5 }), 'year', 'số nguyên'],
    ['a numeric id', (c) => ({ ...c, id: 7 }), 'id', 'chuỗi'],
    [
      'an unknown subject kind',
      (c) => ({ ...c, subject: { ...c.subject, kind: 'household' } }),
      'subject.kind',
      'loại đối tượng',
    ],
    [
      'members on an individual',
      (c) => ({ ...c, subject: { ...c.subject, members: { total: 3 } } }),
      'subject.members',
      'chỉ dùng cho tập thể',
    ],
    [
      'a startedOn that is not a date',
      (c) => ({ ...c, subject: { ...c.subject, startedOn: '2016-13-01' } }),
      'subject.startedOn',
      'không phải ngày',
    ],
    [
      'a startedOn after asOf',
      (c) => ({ ...c, subject: { ...c.subject, startedOn: '2026-01-01' } }),
      'subject.startedOn',
      'sau ngày xét',
    ],
    [
      'duplicate rating years',
      (c) => ({
        ...c,
        subject: {
          ...c.subject,
          ratings: [
            { year: 2025, level: 'HTT' },
            { year: 2025, level: 'HTXS' },
          ],
        },
      }),
      'subject.ratings[1].year',
      'đã có kết quả xếp loại ở subject.ratings[0]',
    ],
    [
      'the same title twice in one year',
      (c) => ({
        ...c,
        subject: { ...c.subject, awards: [...c.subject.awards, { code: 'CSTDCS', year: 2025 }] },
      }),
      'subject.awards[3]',
      'đã có ở subject.awards[2]',
    ],
    [
      'ratings that are not an array',
      (c) => ({ ...c, subject: { ...c.subject, ratings: { year: 2025 } } }),
      'subject.ratings',
      'mảng',
    ],
    ['a case that is not an object', () => 'LDTT', '(gốc)', 'đối tượng'],
  ])('rejects %s, naming %s', (_label, mutate, path, text) => {
    const e = problems(mutate(example()));
    expect(e.code).toBe('invalid_case');
    const d = e.details.find((x) => x.path === path);
    expect(d, JSON.stringify(e.details)).toBeDefined();
    expect(d!.message).toContain(text);
    expect(e.message).toContain('Hồ sơ kiểm tra điều kiện không hợp lệ');
  });

  it.each<[string, (m: Record<string, unknown>) => Record<string, unknown>, string, string]>([
    ['ldtt > total', (m) => ({ ...m, ldtt: 41 }), 'subject.members.ldtt', 'lớn hơn tổng số thành viên'],
    ['cstdcs > total', (m) => ({ ...m, cstdcs: 41 }), 'subject.members.cstdcs', 'lớn hơn tổng số thành viên'],
    [
      'completedTasks > total',
      (m) => ({ ...m, completedTasks: 50 }),
      'subject.members.completedTasks',
      'lớn hơn',
    ],
    ['a negative count', (m) => ({ ...m, ldtt: -1 }), 'subject.members.ldtt', 'không được nhỏ hơn 0'],
    ['a missing total', ({ total: _t, ...m }) => m, 'subject.members.total', 'thiếu'],
    ['an unknown member field', (m) => ({ ...m, women: 3 }), 'subject.members.women', 'không được phép'],
  ])('rejects collective members with %s', (_label, mutate, path, text) => {
    const c = collective();
    const e = problems({ ...c, subject: { ...c.subject, members: mutate(c.subject.members) } });
    const d = e.details.find((x) => x.path === path);
    expect(d, JSON.stringify(e.details)).toBeDefined();
    expect(d!.message).toContain(text);
  });

  it('rejects startedOn on a collective', () => {
    const c = collective();
    const e = problems({ ...c, subject: { ...c.subject, startedOn: '2020-01-01' } });
    expect(e.details[0]).toMatchObject({ path: 'subject.startedOn' });
    expect(e.details[0]!.message).toContain('chỉ dùng cho cá nhân');
  });

  it('lists every problem, with array indexes in the paths, and names the first in the message', () => {
    const bad = {
      ...example(),
      year: 2030,
      subject: {
        ...example().subject,
        ratings: [
          { year: 2024, level: 'HTT' },
          { year: 2025, level: 'XS' },
        ],
      },
    };
    const e = problems([example(), bad, { ...example(), award: 'NOPE' }]);
    expect(e.details.map((d) => d.path)).toEqual(['[1].year', '[1].subject.ratings[1].level', '[2].award']);
    expect(e.message).toContain('[1].year');
    expect(e.message).toContain('và 2 lỗi khác');
  });

  it('rejects years after a given today', () => {
    const c = { ...example(), asOf: '2026-12-15', year: 2026 };
    expect(() => parseCases(c)).not.toThrow();
    const e = problems(c, { today: '2025-12-20' });
    expect(e.details[0]).toMatchObject({ path: 'year' });
    expect(e.details[0]!.message).toContain('ngày hiện tại (2025-12-20)');
  });

  it('parseCase refuses an array', () => {
    expect(() => parseCase([example()])).toThrow(EligibilityInputError);
  });
});
