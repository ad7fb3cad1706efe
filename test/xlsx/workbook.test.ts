import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { openWorkbook } from '../../src/xlsx/workbook.js';
import { sheetRecords } from '../../src/xlsx/sheet-table.js';
import { workbookBytes } from '../helpers/workbook.js';

/** The texts of a sheet's rows, as the readers get them. */
async function texts(bytes: Uint8Array, sheet?: string): Promise<string[][]> {
  const opened = await openWorkbook(bytes);
  if (!opened.ok) throw new Error(opened.reason);
  return sheetRecords(opened.workbook.rows(sheet ?? opened.workbook.sheets[0]!.name)).records.map((r) => r.fields);
}

describe('the exceljs adapter', () => {
  test('each kind of cell, as the spreadsheet shows it', async () => {
    const bytes = await workbookBytes([
      {
        name: 'Feuil1',
        rows: [
          ['N° ligne', 'Montant', 'Date', 'Taux', 'Formule', 'Booléen'],
          [5676228, 0.1 + 0.2, new Date(Date.UTC(2026, 9, 29)), { value: 0.023, numFmt: '0.00%' }, { formula: 'B2*2', result: 0.6000000000000001 }, true],
          [
            { value: 21030123400013, numFmt: '0' },
            { richText: [{ text: 'Société ' }, { font: { bold: true }, text: 'Générale' }] },
            { value: { formula: 'C2+1', result: new Date(Date.UTC(2026, 9, 30)) }, numFmt: 'dd/mm/yyyy' },
            { error: '#DIV/0!' } as ExcelJS.CellErrorValue,
            { text: 'lien', hyperlink: 'https://example.org' },
            { value: 12, numFmt: '0000' },
          ],
        ],
      },
    ]);
    expect(await texts(bytes)).toEqual([
      ['N° ligne', 'Montant', 'Date', 'Taux', 'Formule', 'Booléen'],
      ['5676228', '0.3', '2026-10-29', '2.3%', '0.6', 'true'],
      ['21030123400013', 'Société Générale', '2026-10-30', '#DIV/0!', 'lien', '0012'],
    ]);
  });

  test('a date cell is its day whatever the time zone of the machine (Excel serial 46324 is 29/10/2026)', async () => {
    // Written as a serial with a date format, as Excel stores it: exceljs gives a Date at midnight UTC.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Feuil1');
    ws.getCell('A1').value = 46324;
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    ws.getCell('A2').value = 32; // 01/02/1900, before Excel's fictitious 29/02/1900
    ws.getCell('A2').numFmt = 'dd/mm/yyyy';
    ws.getCell('A3').value = 61; // 01/03/1900
    ws.getCell('A3').numFmt = 'dd/mm/yyyy';
    expect(await texts(new Uint8Array(await wb.xlsx.writeBuffer()))).toEqual([['2026-10-29'], ['1900-02-01'], ['1900-03-01']]);
  });

  test('a workbook in the 1904 date system: its dates on their day', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Feuil1');
    ws.getCell('A1').value = new Date(Date.UTC(2026, 9, 29));
    expect(await texts(new Uint8Array(await wb.xlsx.writeBuffer()))).toEqual([['2026-10-29']]);
  });

  test('merged cells: the value in the first cell only, as a CSV export has it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Feuil1');
    ws.getCell('A1').value = 'a';
    ws.getCell('B1').value = 'b';
    ws.mergeCells('A2:B2');
    ws.getCell('A2').value = 'merged';
    expect(await texts(new Uint8Array(await wb.xlsx.writeBuffer()))).toEqual([['a', 'b'], ['merged']]);
  });

  test('sheets in tab order, hidden ones known; a formula without result', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Paramètres', { state: 'hidden' }).getCell('A1').value = 'p';
    const data = wb.addWorksheet('Données');
    data.getCell('A1').value = 'x';
    data.getCell('B3').value = { formula: 'A1&A1' } as ExcelJS.CellFormulaValue;
    const opened = await openWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.workbook.sheets).toEqual([
      { name: 'Paramètres', visible: false },
      { name: 'Données', visible: true },
    ]);
    expect(sheetRecords(opened.workbook.rows('Données')).problems.map((p) => [p.line, p.column])).toEqual([[3, 2]]);
  });

  test('what is not a workbook: one line saying why', async () => {
    const corrupt = await openWorkbook(Buffer.from('PK\x03\x04 this is no zip archive'));
    expect(corrupt).toEqual({ ok: false, reason: expect.stringMatching(/^not a readable \.xlsx workbook \(Corrupted zip: can't find end of central directory\); save it again/) });
    const text = await openWorkbook(Buffer.from('line_id,principal\n'));
    expect(text.ok ? '' : text.reason).toMatch(/^not a readable \.xlsx workbook \(it is not a zip archive, as every \.xlsx file is\)/);
    const encrypted = await openWorkbook(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(encrypted.ok ? '' : encrypted.reason).toMatch(/^a password-protected workbook, or an Excel 97-2003 \.xls one/);
    for (const r of [corrupt, text, encrypted]) expect(r.ok ? '' : r.reason).not.toContain('\n');
  });
});

describe('a workbook as Excel writes it (shared strings, built-in formats by id, cached formula results)', () => {
  /** A minimal .xlsx written part by part, as Excel lays it out; jszip is exceljs's own zip library. */
  async function excelLike(sheetXml: string, strings: readonly string[]): Promise<Uint8Array> {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    );
    zip.file(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    );
    zip.file(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    );
    // Styles: 0 general, 1 a date by built-in id 14, 2 a percentage by built-in id 10, 3 a custom euro format.
    zip.file(
      'xl/styles.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
    );
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    zip.file(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`,
    );
    zip.file(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetXml}</sheetData></worksheet>`,
    );
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  test('each cell as Excel stored it reads as Excel shows it', async () => {
    const strings = ['N° de la Ligne du Prêt', 'Montant', 'Date', 'Taux', 'Libellé', 'Frais d’étude'];
    const bytes = await excelLike(
      '<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>' +
        // 569 627 € as a custom euro format, 29/10/2026 as serial 46324 with built-in format 14, 2,3 % as 0.023 with built-in format 10.
        '<row r="2" spans="1:5"><c r="A2"><v>5676228</v></c><c r="B2" s="3"><v>569627</v></c><c r="C2" s="1"><v>46324</v></c><c r="D2" s="2"><v>2.3E-2</v></c><c r="E2" t="s"><v>5</v></c></row>' +
        // A formula's cached results: a float sum, a date, a text, an error, a boolean; an inline string.
        '<row r="4" spans="1:5"><c r="A4"><f>0.1+0.2</f><v>0.30000000000000004</v></c><c r="B4" s="1"><f>C2+1</f><v>46325</v></c><c r="C4" t="str"><f>"F-"&amp;A2</f><v>F-5676228</v></c><c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E4" t="b"><v>1</v></c></row>' +
        '<row r="5"><c r="A5" t="inlineStr"><is><t>en ligne</t></is></c><c r="B5"><v>21030123400014</v></c><c r="C5"><v>12.345</v></c></row>',
      strings,
    );
    const opened = await openWorkbook(bytes);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(sheetRecords(opened.workbook.rows('Feuil1')).records).toEqual([
      { line: 1, fields: ['N° de la Ligne du Prêt', 'Montant', 'Date', 'Taux', 'Libellé'] },
      { line: 2, fields: ['5676228', '569627', '2026-10-29', '2.3%', 'Frais d’étude'] },
      { line: 4, fields: ['0.3', '2026-10-30', 'F-5676228', '#DIV/0!', 'true'] },
      { line: 5, fields: ['en ligne', '21030123400014', '12.345'] },
    ]);
  });
});
