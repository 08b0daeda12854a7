import { describe, expect, it } from 'vitest';
import { asciiFileName, cleanFileName, contentDisposition, extensionOf, nameForContent } from './file-name';

const known = (ext: string) => ['pdf', 'png', 'jpg', 'exe', 'html', 'docx', 'txt'].includes(ext);

describe('file names', () => {
  it('keeps a Vietnamese name, in NFC, without surrounding spaces or trailing dots', () => {
    const nfd = '  Quyết định khen thưởng.pdf. '.normalize('NFD');
    const cleaned = cleanFileName(nfd);
    expect(cleaned).toEqual({ ok: true, name: 'Quyết định khen thưởng.pdf' });
    expect(cleaned.ok && cleaned.name === cleaned.name.normalize('NFC')).toBe(true);
  });

  it('keeps only the last segment of a path (old browsers send one)', () => {
    expect(cleanFileName('C:\\Users\\cán bộ\\Hồ sơ.pdf')).toEqual({ ok: true, name: 'Hồ sơ.pdf' });
    expect(cleanFileName('../../etc/passwd.png')).toEqual({ ok: true, name: 'passwd.png' });
    expect(cleanFileName('thư mục/')).toMatchObject({ ok: false, problem: 'empty' });
    expect(cleanFileName('..')).toMatchObject({ ok: false, problem: 'empty' });
    expect(cleanFileName('   ')).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('refuses NUL, control characters, lone surrogates and direction overrides', () => {
    expect(cleanFileName('evil.exe\u0000.pdf')).toMatchObject({ ok: false, problem: 'nul' });
    expect(cleanFileName('a\nb.pdf')).toMatchObject({ ok: false, problem: 'control' });
    expect(cleanFileName('a\u0085b.pdf')).toMatchObject({ ok: false, problem: 'control' });
    expect(cleanFileName('a\ud800.pdf')).toMatchObject({ ok: false, problem: 'lone_surrogate' });
    expect(cleanFileName('a\udc00.pdf')).toMatchObject({ ok: false, problem: 'lone_surrogate' });
    expect(cleanFileName('invoice\u202efdp.exe')).toMatchObject({ ok: false, problem: 'bidi' });
    // a real pair of surrogates is a character like any other
    expect(cleanFileName('ảnh 😀.png')).toEqual({ ok: true, name: 'ảnh 😀.png' });
    const refused = cleanFileName('a\u0000b');
    expect(!refused.ok && refused.message).toBe('Tên tệp chứa ký tự NUL.');
  });

  it('refuses a name longer than 255 characters, counting characters, not bytes', () => {
    expect(cleanFileName(`${'đ'.repeat(251)}.pdf`)).toMatchObject({ ok: true });
    expect(cleanFileName(`${'đ'.repeat(252)}.pdf`)).toMatchObject({ ok: false, problem: 'too_long' });
  });

  it('requires the extension to agree with the content, and adds one when there is none', () => {
    expect(extensionOf('a.PDF')).toBe('pdf');
    expect(extensionOf('.hidden')).toBe('');
    expect(extensionOf('noext')).toBe('');
    expect(nameForContent('Ảnh.PNG', ['png'], known)).toEqual({ ok: true, name: 'Ảnh.PNG' });
    expect(nameForContent('ảnh.pdf', ['png'], known)).toEqual({ ok: false, claimedExtension: 'pdf' });
    expect(nameForContent('scan.exe', ['pdf'], known)).toEqual({ ok: false, claimedExtension: 'exe' });
    expect(nameForContent('Quyết định số 12.2025', ['pdf'], known)).toEqual({
      ok: true,
      name: 'Quyết định số 12.2025.pdf',
    });
    expect(nameForContent('ảnh', ['jpg', 'jpeg'], known)).toEqual({ ok: true, name: 'ảnh.jpg' });
    const long = nameForContent('x'.repeat(255), ['docx'], known);
    expect(long.ok && [...long.name].length).toBe(255);
    expect(long.ok && long.name.endsWith('.docx')).toBe(true);
  });

  it('gives downloads an ASCII fallback and the exact UTF-8 name', () => {
    expect(asciiFileName('Quyết định "Đức" 50%;.pdf')).toBe('Quyet dinh _Duc_ 50__.pdf');
    expect(asciiFileName('文件')).toBe('__');
    expect(contentDisposition("Đơn đề nghị (bản 2)'.pdf")).toBe(
      `attachment; filename="Don de nghi (ban 2)'.pdf"; filename*=UTF-8''%C4%90%C6%A1n%20%C4%91%E1%BB%81%20ngh%E1%BB%8B%20%28b%E1%BA%A3n%202%29%27.pdf`,
    );
  });
});
