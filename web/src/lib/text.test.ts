import { describe, expect, it } from 'vitest';
import { findFolded, fold, hasDiacritics } from './text';

describe('fold', () => {
  it('strips Vietnamese marks, maps đ to d and lower-cases', () => {
    expect(fold('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(fold('ỨNG HÒA')).toBe('ung hoa');
  });

  it('treats NFD and NFC input alike', () => {
    expect(fold('Trần Thị Hồng'.normalize('NFD'))).toBe(fold('Trần Thị Hồng'.normalize('NFC')));
  });
});

describe('findFolded', () => {
  it('finds an unaccented query inside an accented name, in code points of the original', () => {
    expect(findFolded('Phường Hoàn Kiếm', 'hoan kiem')).toEqual([7, 16]);
    expect(findFolded('Phường Hoàn Kiếm', 'đống đa')).toBeNull();
    expect(findFolded('Phường Hoàn Kiếm', '   ')).toBeNull();
  });
});

describe('hasDiacritics', () => {
  it('tells marked names from plain ones', () => {
    expect(hasDiacritics('Đào Minh')).toBe(true);
    expect(hasDiacritics('Lan Anh')).toBe(false);
  });
});
