import ExcelJS from 'exceljs';
import type { EligibleNowRow } from './eligibility.service';

/** The "Đủ điều kiện đề nghị" list as an Excel workbook a unit can attach to its proposal. */
export async function eligibleNowWorkbook(
  rows: EligibleNowRow[],
  o: { year: number; unitName: string; generatedOn: string },
) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Vinh Danh';
  const ws = wb.addWorksheet('Đủ điều kiện đề nghị', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = `DANH SÁCH CÁ NHÂN ĐỦ ĐIỀU KIỆN ĐỀ NGHỊ KHEN THƯỞNG NĂM ${o.year}`;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells('A2:H2');
  ws.getCell('A2').value = `Đơn vị: ${o.unitName} — lập ngày ${o.generatedOn.split('-').reverse().join('/')}`;
  ws.getCell('A2').alignment = { horizontal: 'center' };
  const header = [
    'STT',
    'Họ và tên',
    'Đơn vị',
    'Danh hiệu, hình thức',
    'Năm',
    'Mới đủ điều kiện',
    'Thành tích',
    'Căn cứ',
  ];
  ws.getRow(4).values = header;
  ws.getRow(4).font = { bold: true };
  ws.getRow(4).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  ws.columns = [
    { key: 'stt', width: 6 },
    { key: 'name', width: 26 },
    { key: 'unit', width: 30 },
    { key: 'award', width: 34 },
    { key: 'year', width: 7 },
    { key: 'new', width: 10 },
    { key: 'summary', width: 70 },
    { key: 'basis', width: 40 },
  ];
  rows.forEach((r, i) => {
    const row = ws.addRow([
      i + 1,
      r.fullName,
      r.orgUnitName,
      r.awardName,
      r.year,
      r.newlyEligible ? 'Có' : '',
      r.summary,
      r.basis,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  });
  for (let c = 1; c <= header.length; c++) {
    for (let r = 4; r <= ws.rowCount; r++) {
      ws.getCell(r, c).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
