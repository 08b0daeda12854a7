import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { TEST_DB_KINDS } from '../../../test/db';
import { createPerson, createUnit, createUser } from '../../../test/factories';
import { people } from '../../db/schema';
import { randomFullName } from '../../db/seed/names';
import { Rng } from '../../db/seed/random';
import { foldAccents, personSortKey } from '../../lib/vietnamese';
import { essentialWords, listPeople, type PeopleFilter } from './people.repository';

interface Known {
  id: string;
  fullName: string;
  unit: 'a' | 'b' | 'school';
}

describe('essentialWords', () => {
  it('drops a word typed twice and a word found inside another word typed', () => {
    expect(essentialWords(['nguyen', 'van', 'nguyen'])).toEqual(['nguyen', 'van']);
    expect(essentialWords(['ngu', 'nguyen', 'an'])).toEqual(['nguyen', 'an']);
    expect(essentialWords(['', 'duc'])).toEqual(['duc']);
  });
});

describe.each(TEST_DB_KINDS)('people search on %s', (kind) => {
  let ctx: TestContext;
  let paths: Record<Known['unit'] | 'city', string>;
  let cityId: string;
  const known: Known[] = [];

  beforeAll(async () => {
    // the API counts up to 10 here (10,000 in the application)
    ctx = await buildTestApp(kind, undefined, { peopleCountCap: 10 });
    const db = ctx.deps.db;
    const city = await createUnit(db, { name: 'Thành phố Tìm kiếm' });
    const a = await createUnit(db, { parentId: city.id, name: 'Phường Một' });
    const b = await createUnit(db, { parentId: city.id, name: 'Phường Hai' });
    const school = await createUnit(db, {
      parentId: a.id,
      name: 'Trường Mầm non Một',
      kind: 'public_service',
    });
    cityId = city.id;
    paths = { city: city.path, a: a.path, b: b.path, school: school.path };
    const ids = { a: a.id, b: b.id, school: school.id };
    const rng = new Rng(7);
    const names = [
      'Nguyễn Văn Đức',
      'Nguyễn Văn Đức', // the same name twice: the order falls back to the id
      'Đặng Thị Hồng',
      'ĐINH ĐÀO',
      'Trần Văn An',
      ...Array.from({ length: 110 }, (_, i) =>
        randomFullName(rng, i % 2 ? 'male' : 'female', i % 17 ? 'Kinh' : 'Mông'),
      ),
    ];
    for (const [i, fullName] of names.entries()) {
      const unit = (['a', 'b', 'school'] as const)[i % 3]!;
      const p = await createPerson(db, { orgUnitId: ids[unit], fullName });
      known.push({ id: p.id, fullName, unit });
    }
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const search = (f: Partial<PeopleFilter>) =>
    listPeople(ctx.deps.db, {
      scopePath: paths.city,
      words: [],
      limit: 200,
      offset: 0,
      countCap: 10_000,
      ...f,
    });

  /** What the search must answer, computed here: every word inside the folded name, Vietnamese order. */
  const expected = (words: string[], units: Known['unit'][] = ['a', 'b', 'school']) =>
    known
      .filter((k) => units.includes(k.unit))
      .filter((k) => words.every((w) => foldAccents(k.fullName).includes(w)))
      .sort((x, y) => {
        const kx = personSortKey(x.fullName);
        const ky = personSortKey(y.fullName);
        return kx < ky ? -1 : kx > ky ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
      })
      .map((k) => k.id);

  it('finds exactly the people whose folded name contains every word typed, in Vietnamese order', async () => {
    const rng = new Rng(42);
    const queries: string[][] = [['nguyen', 'van'], ['nguyen'], ['thi'], ['a'], ['zzz'], ['van', 'zzz']];
    // pieces of real names: whole words, parts of words, two words in either order
    for (let i = 0; i < 40; i++) {
      const words = foldAccents(rng.pick(known).fullName).split(' ');
      const w = rng.pick(words);
      const start = rng.int(0, w.length - 1);
      const piece = w.slice(start, rng.int(start + 1, w.length));
      queries.push(i % 3 === 0 ? [piece] : i % 3 === 1 ? [rng.pick(words), piece] : [...words].reverse());
    }
    for (const words of queries) {
      const page = await search({ words });
      const want = expected(words);
      expect(
        page.items.map((p) => p.id),
        words.join(' '),
      ).toEqual(want);
      expect(page.total, words.join(' ')).toBe(want.length);
      expect(page.totalIsLowerBound).toBe(false);
    }
  });

  it('matches without accents, đ/Đ included, and a piece inside a word', async () => {
    const names = async (words: string[]) => (await search({ words })).items.map((p) => p.fullName);
    expect(await names(['nguyen', 'van', 'duc'])).toEqual(['Nguyễn Văn Đức', 'Nguyễn Văn Đức']);
    expect(await names(['dinh', 'dao'])).toEqual(['ĐINH ĐÀO']);
    expect(await names(['dang', 'hong'])).toEqual(['Đặng Thị Hồng']);
    expect(await names(['uc', 'guy'])).toEqual(expect.arrayContaining(['Nguyễn Văn Đức']));
  });

  it('counts up to the cap and says so, while every page stays exact and in order', async () => {
    const all = expected([]);
    const capped = await search({ countCap: 10, limit: 7 });
    expect(capped.total).toBe(10);
    expect(capped.totalIsLowerBound).toBe(true);
    // paging within the cap, across it and beyond it gives the whole list in order
    const seen: string[] = [];
    for (let offset = 0; offset < all.length; offset += 7) {
      const page = await search({ countCap: 10, limit: 7, offset });
      expect(page.total).toBe(10);
      expect(page.totalIsLowerBound).toBe(true);
      seen.push(...page.items.map((p) => p.id));
    }
    expect(seen).toEqual(all);
    expect((await search({ countCap: 10, offset: all.length })).items).toEqual([]);

    // a search with fewer matches than the cap is counted exactly
    const few = expected(['nguyen', 'van', 'duc']);
    const exact = await search({ words: ['nguyen', 'van', 'duc'], countCap: 10 });
    expect(exact).toMatchObject({ total: few.length, totalIsLowerBound: false });
    // exactly the cap is still exact; one more is a lower bound
    const nguyen = expected(['nguyen']);
    expect(await search({ words: ['nguyen'], countCap: nguyen.length })).toMatchObject({
      total: nguyen.length,
      totalIsLowerBound: false,
    });
    const over = await search({ words: ['nguyen'], countCap: nguyen.length - 1, limit: 5, offset: 3 });
    expect(over).toMatchObject({ total: nguyen.length - 1, totalIsLowerBound: true });
    expect(over.items.map((p) => p.id)).toEqual(nguyen.slice(3, 8));
  });

  it('keeps to the scope and the unit filter', async () => {
    const ward = await search({ scopePath: paths.a, words: ['n'] });
    expect(ward.items.map((p) => p.id)).toEqual(expected(['n'], ['a', 'school']));
    const school = await search({ scopePath: paths.a, unitPath: paths.school });
    expect(school.items.map((p) => p.id)).toEqual(expected([], ['school']));
    expect(school.total).toBe(expected([], ['school']).length);
  });

  it('finds a renamed person by the new name (the vocabulary follows inserts and updates)', async () => {
    const target = known.find((k, i) => i >= 5 && k.unit === 'b')!; // not one of the names searched below
    const fullName = 'Quách Thị Xuyến';
    expect((await search({ words: ['xuyen'] })).total).toBe(0);
    await ctx.deps.db
      .update(people)
      .set({ fullName, searchName: foldAccents(fullName), sortKey: personSortKey(fullName) })
      .where(eq(people.id, target.id));
    target.fullName = fullName;
    expect((await search({ words: ['quach', 'xuyen'] })).items.map((p) => p.id)).toEqual([target.id]);
  });

  it('a short word that stands for many vocabulary words matches the same people as any other', async () => {
    // 40 new words containing "zq": more than a word may stand for in the word index's condition
    const unit = await createUnit(ctx.deps.db, { parentId: undefined, name: 'Đơn vị Zq' });
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const mine: string[] = [];
    for (let i = 0; i < 40; i++) {
      const p = await createPerson(ctx.deps.db, {
        orgUnitId: unit.id,
        fullName: `Zq${letters[i % 26]}${letters[Math.floor(i / 26)]} Văn Thử`,
      });
      mine.push(p.id);
    }
    const many = await listPeople(ctx.deps.db, {
      scopePath: unit.path,
      words: ['zq'],
      limit: 100,
      offset: 0,
      countCap: 10_000,
    });
    expect(many.total).toBe(40);
    expect(new Set(many.items.map((p) => p.id))).toEqual(new Set(mine));
    const one = await listPeople(ctx.deps.db, {
      scopePath: unit.path,
      words: ['zqab', 'thu'],
      limit: 100,
      offset: 0,
      countCap: 10_000,
    });
    expect(one.items.map((p) => p.fullName)).toEqual(['Zqab Văn Thử']);
  });

  it('answers through the API with the count capped and said so, and pages on past the cap', async () => {
    const cookie = await loginAs(
      ctx.app,
      await createUser(ctx.deps.db, { orgUnitId: cityId, roles: ['admin'] }),
    );
    const get = async (query: string) => {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/people?${query}`,
        headers: { cookie },
      });
      expect(res.statusCode).toBe(200);
      return res.json() as {
        items: { id: string; fullName: string }[];
        total: number;
        totalIsLowerBound: boolean;
      };
    };
    const duc = await get(`q=${encodeURIComponent('NGUYỄN văn  đức'.normalize('NFD'))}`);
    expect(duc).toMatchObject({ total: 2, totalIsLowerBound: false });
    expect(duc.items.map((p) => p.fullName)).toEqual(['Nguyễn Văn Đức', 'Nguyễn Văn Đức']);
    const all = expected([]);
    const first = await get('limit=5');
    expect(first).toMatchObject({ total: 10, totalIsLowerBound: true });
    expect(first.items.map((p) => p.id)).toEqual(all.slice(0, 5));
    const beyond = await get('limit=5&offset=20');
    expect(beyond).toMatchObject({ total: 10, totalIsLowerBound: true });
    expect(beyond.items.map((p) => p.id)).toEqual(all.slice(20, 25));
  });
});
