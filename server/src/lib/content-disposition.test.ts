import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact Vietnamese name', () => {
    const h = contentDisposition('Đủ điều kiện đề nghị 2025 – Phường Hoàn Kiếm.xlsx');
    expect(h).toBe(
      'attachment; filename="Du dieu kien de nghi 2025 _ Phuong Hoan Kiem.xlsx"; ' +
        "filename*=UTF-8''%C4%90%E1%BB%A7%20%C4%91i%E1%BB%81u%20ki%E1%BB%87n%20%C4%91%E1%BB%81%20ngh%E1%BB%8B%202025%20%E2%80%93%20Ph%C6%B0%E1%BB%9Dng%20Ho%C3%A0n%20Ki%E1%BA%BFm.xlsx",
    );
    const star = /filename\*=UTF-8''(.+)$/.exec(h)![1]!;
    expect(decodeURIComponent(star)).toBe('Đủ điều kiện đề nghị 2025 – Phường Hoàn Kiếm.xlsx');
  });

  it('cannot be broken out of by quotes, backslashes or line breaks', () => {
    const h = contentDisposition('a"b\\c\r\nSet-Cookie: x=1.txt');
    expect(h).not.toMatch(/[\r\n]/);
    expect(h.startsWith('attachment; filename="a_b_c__Set-Cookie: x=1.txt"; ')).toBe(true);
  });

  it('names NFD input in NFC', () => {
    const nfd = 'Đức.xlsx'.normalize('NFD');
    expect(contentDisposition(nfd)).toContain("filename*=UTF-8''%C4%90%E1%BB%A9c.xlsx");
  });
});
