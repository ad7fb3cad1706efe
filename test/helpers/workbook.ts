import ExcelJS from 'exceljs';
import { writeFile } from './cli.js';

/** A cell as a test writes it: a value exceljs writes as is, or a value with its number format. */
export type TestCell = ExcelJS.CellValue | { readonly value: ExcelJS.CellValue; readonly numFmt: string };

export interface TestSheet {
  readonly name: string;
  /** Rows from row 1; `undefined` leaves a row empty. */
  readonly rows: readonly (readonly TestCell[] | undefined)[];
}

const withFormat = (c: TestCell): c is { value: ExcelJS.CellValue; numFmt: string } =>
  typeof c === 'object' && c !== null && !(c instanceof Date) && 'numFmt' in c && 'value' in c;

/** A workbook built with exceljs, as bytes. */
export async function workbookBytes(sheets: readonly TestSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (cell === undefined) return;
        const target = ws.getCell(r + 1, c + 1);
        if (withFormat(cell)) {
          target.value = cell.value;
          target.numFmt = cell.numFmt;
        } else target.value = cell as ExcelJS.CellValue;
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes a workbook in a folder; returns its path. */
export async function writeWorkbook(dir: string, name: string, sheets: readonly TestSheet[]): Promise<string> {
  return writeFile(dir, name, await workbookBytes(sheets));
}
