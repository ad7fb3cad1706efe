import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/money/decimal.js';
import { word } from '../../../src/report/model.js';
import { DIGIT_GROUP, groupDigits, htmlCellText } from '../../../src/report/html/text.js';
import { escapeHtml, html, raw } from '../../../src/report/html/escape.js';
import { cssString } from '../../../src/report/html/page.js';

const d = (s: string) => new Decimal(s);
const nb = (s: string) => s.replace(/ /g, DIGIT_GROUP);

describe('French numbers on a page: csv-fr text with digits grouped by three', () => {
  it.each([
    ['amount', d('755354.37'), '755 354,37'],
    ['amount', d('-168599.36'), '-168 599,36'],
    ['amount', d('1221077.44'), '1 221 077,44'],
    ['amount', d('999.99'), '999,99'],
    ['amount', d('-0'), '0,00'],
    ['amount', d('500000.005'), '500 000,005'],
    ['amount', d('1000000000000000'), '1 000 000 000 000 000,00'],
    ['rate', d('2.3'), '2,30'],
    ['rate', d('3.125'), '3,125'],
    ['rate', d('1234.5'), '1 234,50'],
    ['number', d('4706172.835'), '4 706 172,835'],
    ['number', d('60'), '60'],
  ] as const)('%s %s → %s', (kind, value, text) => {
    expect(htmlCellText(value, kind)).toBe(nb(text));
  });

  it('counts (a year, a line, days) are never grouped; dates are dd/mm/yyyy; flags oui/non; words their French form', () => {
    expect(htmlCellText(2027, 'count')).toBe('2027');
    expect(htmlCellText(12345, 'count')).toBe('12345');
    expect(htmlCellText('2026-10-29', 'date')).toBe('29/10/2026');
    expect(htmlCellText(true, 'flag')).toBe('oui');
    expect(htmlCellText(word('ok', 'conforme'), 'text')).toBe('conforme');
    expect(htmlCellText(undefined, 'amount')).toBe('');
  });

  it('identifiers stay as written (a SIRET, « 24/12 », « 0012 »); a text cell is grouped only when it is a French decimal number', () => {
    expect(htmlCellText('21030123400013', 'identifier')).toBe('21030123400013');
    expect(htmlCellText('0012', 'identifier')).toBe('0012');
    expect(htmlCellText(word('4706172.835', '4706172,835'), 'text')).toBe(nb('4 706 172,835'));
    expect(htmlCellText(word('2027', '2027'), 'text')).toBe('2027');
    expect(htmlCellText('Les 1000 pattes', 'text')).toBe('Les 1000 pattes');
  });

  it('groupDigits leaves the decimals alone and keeps the sign', () => {
    expect(groupDigits('-1234567,891011')).toBe(nb('-1 234 567,891011'));
    expect(groupDigits('123')).toBe('123');
  });
});

describe('escaping', () => {
  it('escapes the five characters of markup', () => {
    expect(escapeHtml(`Les Amis <du> Malcourlet & "Cie" l'Union`)).toBe('Les Amis &lt;du&gt; Malcourlet &amp; &quot;Cie&quot; l&#39;Union');
  });

  it('the html tag escapes every value but markup built by it', () => {
    const name = '<script>alert("x")</script>';
    expect(html`<td>${name}</td>`.html).toBe('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>');
    expect(html`<p>${html`<b>${'&'}</b>`}</p>`.html).toBe('<p><b>&amp;</b></p>');
    expect(html`<p>${[raw('<i>a</i>'), raw('<i>b</i>')]}${undefined}${3}</p>`.html).toBe('<p><i>a</i><i>b</i>3</p>');
  });

  it('a title in an @page margin box is a css string that cannot close the style element', () => {
    expect(cssString('Tableau "A" \\ </style>')).toBe('"Tableau \\"A\\" \\\\ \\3c /style>"');
  });
});
