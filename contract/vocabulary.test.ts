import { describe, expect, it } from 'vitest';
import {
  AWARD_CODES,
  AWARD_KIND_NAMES,
  AWARD_KINDS,
  AWARD_LEVEL_NAMES,
  AWARD_LEVELS,
  AWARD_NAMES,
  AWARD_SUBJECT_NAMES,
  AWARD_SUBJECTS,
  BONUS_REGIME_NAMES,
  BONUS_REGIMES,
  PERIODICITIES,
  PERIODICITY_NAMES,
  isAwardCode,
} from './awards';
import {
  AWARD_RECORD_TYPE_NAMES,
  AWARD_RECORD_TYPES,
  DISCIPLINE_FORM_NAMES,
  DISCIPLINE_FORMS,
  GENDER_NAMES,
  GENDERS,
  INITIATIVE_KIND_NAMES,
  INITIATIVE_KINDS,
  INITIATIVE_SCOPE_NAMES,
  INITIATIVE_SCOPES,
  ORG_UNIT_KIND_NAMES,
  ORG_UNIT_KINDS,
  PERSON_CATEGORIES,
  PERSON_CATEGORY_NAMES,
  RATING_LEVEL_NAMES,
  RATING_LEVELS,
  ROLE_NAMES,
  ROLES,
  namesIn,
  type Names,
} from './vocabulary';

const VOCABULARIES: [string, readonly string[], Readonly<Record<string, Names>>][] = [
  ['roles', ROLES, ROLE_NAMES],
  ['org unit kinds', ORG_UNIT_KINDS, ORG_UNIT_KIND_NAMES],
  ['genders', GENDERS, GENDER_NAMES],
  ['person categories', PERSON_CATEGORIES, PERSON_CATEGORY_NAMES],
  ['rating levels', RATING_LEVELS, RATING_LEVEL_NAMES],
  ['initiative scopes', INITIATIVE_SCOPES, INITIATIVE_SCOPE_NAMES],
  ['initiative kinds', INITIATIVE_KINDS, INITIATIVE_KIND_NAMES],
  ['discipline forms', DISCIPLINE_FORMS, DISCIPLINE_FORM_NAMES],
  ['award record types', AWARD_RECORD_TYPES, AWARD_RECORD_TYPE_NAMES],
  ['award codes', AWARD_CODES, AWARD_NAMES],
  ['award subjects', AWARD_SUBJECTS, AWARD_SUBJECT_NAMES],
  ['award kinds', AWARD_KINDS, AWARD_KIND_NAMES],
  ['award levels', AWARD_LEVELS, AWARD_LEVEL_NAMES],
  ['periodicities', PERIODICITIES, PERIODICITY_NAMES],
  ['bonus regimes', BONUS_REGIMES, BONUS_REGIME_NAMES],
];

describe('the vocabulary', () => {
  it.each(VOCABULARIES)(
    'names every one of the %s in Vietnamese and English, in list order',
    (_, list, names) => {
      expect(Object.keys(names)).toEqual([...list]);
      for (const code of list) {
        const n = names[code]!;
        expect(n.vi.trim().length, `${code} vi`).toBeGreaterThan(1);
        expect(n.en.trim().length, `${code} en`).toBeGreaterThan(1);
        expect(n.vi, `${code} vi is NFC`).toBe(n.vi.normalize('NFC'));
        expect(n.en, `${code} en is English (a document number such as NĐ-CP aside)`).not.toMatch(
          /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/,
        );
      }
    },
  );

  it('has codes fit for an SQL check constraint', () => {
    for (const [name, list] of VOCABULARIES) {
      for (const code of list) expect(code, name).toMatch(/^[A-Za-z0-9_]+$/);
      expect(new Set(list).size, name).toBe(list.length);
    }
  });

  it('gives the names of one language', () => {
    expect(namesIn('en', GENDER_NAMES)).toEqual({ male: 'Male', female: 'Female' });
    expect(namesIn('vi', RATING_LEVEL_NAMES).HTT).toBe('Hoàn thành tốt');
    expect(namesIn('en', AWARD_NAMES).HCLD_3).toBe('Third-class Labour Order');
  });

  it('knows the award codes and nothing else', () => {
    expect(AWARD_CODES.slice(0, 3)).toEqual(['LDTT', 'CSTT', 'CSTDCS']);
    expect(isAwardCode('CSTDCS')).toBe(true);
    expect(isAwardCode('cstdcs')).toBe(false);
    expect(isAwardCode('toString')).toBe(false);
    expect(isAwardCode(7)).toBe(false);
  });
});
