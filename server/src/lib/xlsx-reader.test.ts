import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pngBytes } from '../../test/file-fixtures';
import { columnName, openXlsx, parseCellRef, XlsxError } from './xlsx-reader';

async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip of the given parts, stored or deflated (enough for a workbook written by hand). */
function zip(parts: Record<string, string>, deflate = true): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const raw = Buffer.from(text, 'utf8');
    const data = deflate ? deflateRawSync(raw) : raw;
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(deflate ? 8 : 0, 10);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook written by hand: prefixed elements (as the .NET SDK writes), inline strings, 1904 dates. */
function handMadeWorkbook(sheetXml: string, o: { date1904?: boolean } = {}) {
  return zip({
    '[Content_Types].xml': '<Types/>',
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="x/book.xml"/></Relationships>`,
    'x/book.xml': `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><x:workbookPr${o.date1904 ? ' date1904="1"' : ''}/><x:sheets><x:sheet name="Ẩn" sheetId="2" state="hidden" r:id="rId2"/><x:sheet name="Trang &amp; 1" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
    'x/_rels/book.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/x/s1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="s2.xml"/></Relationships>`,
    'x/s1.xml': sheetXml,
    'x/s2.xml': `<x:worksheet xmlns:x="${NS.slice(7, -1)}"><x:sheetData/></x:worksheet>`,
  });
}

describe('the xlsx reader', () => {
  it('reads what exceljs writes: shared strings, numbers, dates as serials, booleans, formulas, merges', async () => {
    const bytes = await bytesOf((wb) => {
      wb.addWorksheet('Trống');
      const ws = wb.addWorksheet('Xếp loại');
      ws.mergeCells('A1:D1');
      ws.getCell('A1').value = 'DANH SÁCH <XẾP LOẠI> & "KẾT QUẢ"';
      ws.getCell('A3').value = 'Nguyễn Văn Đức';
      ws.getCell('B3').value = new Date(Date.UTC(1985, 4, 20));
      ws.getCell('C3').value = 12.5;
      ws.getCell('D3').value = true;
      ws.getCell('E3').value = { formula: 'C3*2', result: 25 };
      ws.getCell('F3').value = { richText: [{ text: 'Hoàn thành ' }, { text: 'tốt', font: { bold: true } }] };
      ws.getCell('AB4').value = 'xa';
      ws.getCell('A5').value = 'Lê Thị\nHoa';
    });
    const wb = openXlsx(bytes);
    expect(wb.sheets).toEqual([
      { name: 'Trống', hidden: false },
      { name: 'Xếp loại', hidden: false },
    ]);
    expect(wb.date1904).toBe(false);
    expect(wb.readSheet(0).rows).toEqual([]);
    const sheet = wb.readSheet(1);
    expect(sheet.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 3 }]);
    expect(sheet.rows.map((r) => r.row)).toEqual([1, 3, 4, 5]);
    expect(sheet.rows[0]!.cells).toEqual(['DANH SÁCH <XẾP LOẠI> & "KẾT QUẢ"']);
    expect(sheet.rows[1]!.cells).toEqual(['Nguyễn Văn Đức', 31187, 12.5, true, 25, 'Hoàn thành tốt']);
    expect(sheet.rows[2]!.cells[27]).toBe('xa');
    expect(sheet.rows[3]!.cells[0]).toBe('Lê Thị\nHoa');
    expect(sheet.truncated).toBe(false);
  });

  it('keeps a name typed in NFD as it was typed (normalising is the caller’s)', async () => {
    const nfd = 'Nguyễn Thị Ánh'.normalize('NFD');
    const bytes = await bytesOf((wb) => (wb.addWorksheet('A').getCell('A1').value = nfd));
    expect(openXlsx(bytes).readSheet(0).rows[0]!.cells[0]).toBe(nfd);
  });

  it('reads prefixed elements, inline strings, phonetic runs, entities, cells without a reference, 1904 dates and hidden sheets', () => {
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:r><x:t>Trần </x:t></x:r><x:r><x:t xml:space="preserve">Văn &#272;ức</x:t></x:r><x:rPh sb="0" eb="1"><x:t>PHONETIC</x:t></x:rPh></x:is></x:c><x:c t="n"><x:v>1</x:v></x:c><x:c><x:v>2.5E1</x:v></x:c><x:c t="str"><x:v>d&#242;ng_x000D_</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c><x:c r="Z2"/></x:row>
      <x:row><x:c r="B3" t="inlineStr"><x:is><x:t>tiếp</x:t></x:is></x:c></x:row>
    </x:sheetData><x:mergeCells count="1"><x:mergeCell ref="$A$5:$C$6"/></x:mergeCells></x:worksheet>`;
    const wb = openXlsx(handMadeWorkbook(sheet, { date1904: true }));
    expect(wb.date1904).toBe(true);
    expect(wb.sheets).toEqual([
      { name: 'Ẩn', hidden: true },
      { name: 'Trang & 1', hidden: false },
    ]);
    const s = wb.readSheet(1);
    expect(s.rows).toEqual([
      { row: 2, cells: ['Trần Văn Đức', 1, 25, 'dòng\r', '#N/A', false] },
      { row: 3, cells: [undefined, 'tiếp'] },
    ]);
    expect(s.merges).toEqual([{ top: 5, left: 0, bottom: 6, right: 2 }]);
  });

  it('stops after maxRows rows with a value and says so, keeping the merges', async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet('A');
      ws.mergeCells('A1:C1');
      ws.getCell('A1').value = 'Tiêu đề';
      for (let i = 0; i < 50; i++) ws.addRow([i]);
    });
    const s = openXlsx(bytes).readSheet(0, { maxRows: 10 });
    expect(s.truncated).toBe(true);
    expect(s.rows).toHaveLength(10);
    expect(s.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 2 }]);
    expect(openXlsx(bytes).readSheet(0, { maxRows: 51 }).truncated).toBe(false);
  });

  it('refuses what is not a workbook: a PNG, a zip without a workbook, a part that inflates too far', async () => {
    const reason = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof XlsxError ? e.reason : String(e);
      }
      return 'read';
    };
    expect(reason(() => openXlsx(pngBytes()))).toBe('not_zip');
    expect(reason(() => openXlsx(Buffer.alloc(0)))).toBe('not_zip');
    expect(reason(() => openXlsx(zip({ 'word/document.xml': '<w:document/>' })))).toBe('not_workbook');
    const big = `<worksheet ${NS}><sheetData>${'<row><c><v>1</v></c></row>'.repeat(20000)}</sheetData></worksheet>`;
    const bomb = handMadeWorkbook(big);
    expect(reason(() => openXlsx(bomb, { maxPartBytes: 100_000 }).readSheet(1))).toBe('too_large');
    const truncatedZip = (await bytesOf((wb) => wb.addWorksheet('A'))).subarray(0, 200);
    expect(['corrupt', 'not_zip']).toContain(reason(() => openXlsx(truncatedZip)));
  });

  it('names cells as Excel does', () => {
    expect(parseCellRef('A1')).toEqual({ column: 0, row: 1 });
    expect(parseCellRef('$AB$12')).toEqual({ column: 27, row: 12 });
    expect(parseCellRef('XFD1048576')).toEqual({ column: 16383, row: 1048576 });
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
