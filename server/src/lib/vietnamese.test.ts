import { describe, expect, it } from 'vitest';
import { collationKey, foldAccents, normaliseText, personSortKey } from './vietnamese';

describe('Vietnamese text helpers', () => {
  it('folds accents and đ/Đ for search', () => {
    expect(foldAccents('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(foldAccents('ĐẶNG THỊ HỒNG')).toBe('dang thi hong');
    expect(foldAccents('Nguye\u0302\u0303n'.normalize('NFD'))).toBe('nguyen');
  });

  it('normalises NFD input to NFC and collapses spaces', () => {
    const nfd = 'Nguyễn  Văn Đức'.normalize('NFD');
    expect(normaliseText(nfd)).toBe('Nguyễn Văn Đức');
  });

  it('orders by the Vietnamese alphabet: d before đ, a before ă before â', () => {
    const names = ['Đức', 'Dũng', 'Ân', 'Ăn', 'An', 'Bình', 'Ước', 'Uyên'];
    const sorted = [...names].sort((a, b) => (collationKey(a) < collationKey(b) ? -1 : 1));
    expect(sorted).toEqual(['An', 'Ăn', 'Ân', 'Bình', 'Dũng', 'Đức', 'Uyên', 'Ước']);
  });

  it('orders tones after letters: a, à, ả, ã, á, ạ', () => {
    const names = ['Lạc', 'Lác', 'Lac', 'Lãc', 'Làc', 'Lảc'];
    const sorted = [...names].sort((a, b) => (collationKey(a) < collationKey(b) ? -1 : 1));
    expect(sorted).toEqual(['Lac', 'Làc', 'Lảc', 'Lãc', 'Lác', 'Lạc']);
  });

  it('sorts people by given name first', () => {
    const people = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Đức'];
    const sorted = [...people].sort((a, b) => (personSortKey(a) < personSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['Nguyễn Thị An', 'Trần Văn Bình', 'Lê Đức']);
  });
});

describe('collation keys', () => {
  it('put a shorter name before a longer one that starts with it', () => {
    expect(collationKey('An') < collationKey('An Bình')).toBe(true);
    expect(personSortKey('Lê An') < personSortKey('Lê Anh')).toBe(true);
  });
});
