// The timing of issue 13: `finloc ca` on a synthetic 4 MB DocumentBudgetaire,
// the size of a city of 100 000 inhabitants' CA (~1 500 budget lines, ~900
// loans), written as TotEM writes (ISO-8859-1, CRLF, indented, every element
// of a real line or loan), seeded. Times, in a child process each, the
// command as built in dist/ (`npm run build` first) for each report, and the
// reader alone in process. No time limit: it prints what it measured.
//
//   node bench/ca-document.mjs [--lines 1500] [--loans 900] [--mb 4] [--runs 5] [--seed 13] [--keep]
//
// The budget lines and loans make about 2,2 MB; the other annexes of a real
// CA (assets, staff, signatures…) make the rest: DATA_PATRIMOINE entries, as
// TotEM writes them, fill the document up to --mb megabytes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const LINES = opt('lines', 1500);
const LOANS = opt('loans', 900);
const RUNS = opt('runs', 5);
const MB = opt('mb', 4);
let seed = opt('seed', 13);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const cents = (max) => (Math.floor(random() * max * 100) / 100).toFixed(2);

const NATURES = ['60611', '60612', '6064', '6135', '6156', '6411', '6413', '6451', '65541', '6574', '66111', '7011', '70311', '7067', '73111', '7411', '74121', '752', '2031', '2111', '2128', '21318', '2151', '2152', '21534', '2183', '2184', '2188', '2313', '2315', '1321', '1323', '1341', '10222', '1641', '165', '28031', '281318'];

function line(i) {
  const nature = NATURES[i % NATURES.length];
  const section = /^[67]/.test(nature) ? 'F' : 'I';
  const dir = /^[7]|^1[03]|^28/.test(nature) ? 'R' : 'D';
  const prev = cents(2_000_000);
  const order = random() < 0.1;
  return [
    '      <LigneBudget>',
    `         <Nature V="${nature}"/>`,
    `         <Fonction V="${(i % 9) * 10 + 20}"/>`,
    `         <ContNat V="${nature.slice(0, 2)}"/>`,
    '         <ArtSpe V="false"/>',
    `         <CodRD V="${dir}"/>`,
    `         <MtBudgPrec V="${prev}"/>`,
    `         <MtRARPrec V="0.00"/>`,
    `         <MtPropNouv V="${prev}"/>`,
    `         <MtPrev V="${prev}"/>`,
    `         <CredOuv V="${prev}"/>`,
    `         <MtReal V="${cents(1_500_000)}"/>`,
    section === 'I' ? `         <MtRAR3112 V="${cents(100_000)}"/>` : '         <MtRAR3112 V="0.00"/>',
    `         <OpBudg V="${order ? 1 : 0}"/>`,
    order ? '         <TypOpBudg V="1"/>' : '',
    `         <CaracSup V="${section}" Code="Section"/>`,
    '      </LigneBudget>',
  ].filter(Boolean).join('\r\n');
}

function loan(i) {
  const start = Number(cents(3_000_000));
  const repaid = Math.floor(start * random() * 10) / 100;
  const e = (name, v) => `               <${name} V="${v}"/>`;
  return [
    '            <EMPRUNT>',
    e('CodTypEmpr', i % 5 === 0 ? '09' : '01'), e('CodProfilAmort', 'C'), e('CodProfilAmortDtVote', 'C'), e('CodArticle', '1641'), e('LibCpte', 'Emprunts en euros'),
    e('AnEncaisse', 2000 + (i % 20)), e('ObjEmpr', `TRAVAUX ÉQUIPEMENT ${i}`), e('MtEmprOrig', (start * 1.5).toFixed(2)), e('DureeRest', '12.5'), e('DureeRestInit', '0'),
    e('DureeRestReneg', '0'), e('CodTypPreteur', '01'), e('LibOrgaPreteur', 'CAISSE DES DÉPÔTS ET CONSIGNATIONS'), e('CodPeriodRemb', 'A'), e('CodPeriodRembDtVote', 'A'),
    e('CodPeriodRembReneg', 'X'), e('CodTyptxInit', 'F'), e('CodTyptxDtVote', 'F'), e('TxActuaInit', '1.500'), e('TxActua', '1.500'), e('MtIntExer', cents(50_000)),
    e('MtCapitalExer', repaid.toFixed(2)), e('MtCapitalRestDu_01_01', start.toFixed(2)), e('MtICNE', cents(5_000)), e('MtCapitalRestDu_31_12', (Math.round(start * 100 - repaid * 100) / 100).toFixed(2)),
    e('CodNatEmpr', 'F'), e('DureeAnn', '20'), e('NumContrat', `CT-${String(i).padStart(6, '0')}`), e('IndSousJacent', '1'), e('IndSousJacentDtVote', '1'), e('Structure', 'A'),
    e('StructureDtVote', 'A'), e('DtSignInit', '2015-06-30'), e('Dt1RembInit', '2016-06-30'), e('Txinit', '1.500'), e('DureeContratInit', '20.00'), e('CodTypTxReneg', 'X'),
    e('CodProfilAmortReneg', 'X'), e('MtEmprReneg', '0.00'),
    '            </EMPRUNT>',
  ].join('\r\n');
}

function document() {
  const head = [
    '<?xml version="1.0" encoding="ISO-8859-1"?>',
    '<DocumentBudgetaire xmlns="http://www.minefi.gouv.fr/cp/demat/docbudgetaire">',
    '   <EnTeteDocBudgetaire><LibelleColl V="VILLE DE SYNTHÈSE"/><IdColl V="21990000000010"/></EnTeteDocBudgetaire>',
    '   <Budget>',
    '      <EnTeteBudget><LibelleEtab V="BUDGET PRINCIPAL"/><IdEtab V="21990000000010"/><CodBud V="00"/><Nomenclature V="M14-M14_COM_SUP3500"/></EnTeteBudget>',
    '      <BlocBudget><NatDec V="09"/><Exer V="2021"/></BlocBudget>',
  ];
  const lines = Array.from({ length: LINES }, (_, i) => line(i));
  const loans = Array.from({ length: LOANS }, (_, i) => loan(i));
  const body = [...head, ...lines, '      <Annexes>', '         <DATA_EMPRUNT>', ...loans, '         </DATA_EMPRUNT>', '         <DATA_PATRIMOINE>'];
  let size = body.reduce((n, l) => n + l.length + 2, 0);
  const tail = ['         </DATA_PATRIMOINE>', '      </Annexes>', '   </Budget>', '</DocumentBudgetaire>', ''];
  for (let i = 0; size < MB * 1024 * 1024 - 200; i++) {
    const e = (name, v) => `               <${name} V="${v}"/>`;
    const p = ['            <PATRIMOINE>', e('CodVariPatrim', '01'), e('CodEntreeSorti', 'E'), e('CodModalAcqui', '01'), e('CodModalSorti', '99'), e('LibBien', `BIEN N° ${i} ÉQUIPEMENT`), e('MtValAcquiBien', cents(100_000)), e('MtCumulAmortBien', '0.00'), e('DureeAmortBien', '10'), '            </PATRIMOINE>'];
    body.push(...p);
    size += p.reduce((n, l) => n + l.length + 2, 0);
  }
  return [...body, ...tail].join('\r\n');
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finloc-ca-bench-'));
const file = path.join(dir, 'ca-synthetic.xml');
fs.writeFileSync(file, Buffer.from(document(), 'latin1'));
const size = fs.statSync(file).size;

const cli = path.join(root, 'dist/bin/finloc.js');
const results = [];
for (const report of ['results', 'debt', 'balance']) {
  const times = [];
  let status;
  for (let r = 0; r < RUNS; r++) {
    const t0 = process.hrtime.bigint();
    const p = spawnSync(process.execPath, [cli, 'ca', file, '--report', report, '--quiet'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    status = p.status;
    if (p.status !== 0 && p.status !== 1) {
      console.error(p.stderr);
      process.exit(1);
    }
  }
  times.sort((a, b) => a - b);
  results.push({ what: `finloc ca --report ${report} (whole process)`, median: times[Math.floor(times.length / 2)], min: times[0], status });
}
const { readBudgetDocument } = await import(path.join(root, 'dist/src/budget-document/read.js'));
const bytes = fs.readFileSync(file);
const parse = [];
let doc;
for (let r = 0; r < RUNS; r++) {
  const t0 = process.hrtime.bigint();
  doc = readBudgetDocument(bytes);
  parse.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
parse.sort((a, b) => a - b);
results.push({ what: 'readBudgetDocument alone (in process)', median: parse[Math.floor(parse.length / 2)], min: parse[0] });
const { documentResultsReport } = await import(path.join(root, 'dist/src/budget-document/results.js'));
const { debtReport } = await import(path.join(root, 'dist/src/budget-document/debt.js'));
const { renderReport } = await import(path.join(root, 'dist/src/report/render.js'));
const whole = [];
for (let r = 0; r < RUNS; r++) {
  const t0 = process.hrtime.bigint();
  const d = readBudgetDocument(bytes);
  await renderReport(documentResultsReport(d).report, 'csv');
  await renderReport(debtReport(d), 'csv');
  whole.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
whole.sort((a, b) => a - b);
results.push({ what: 'read + results + debt reports rendered (in process)', median: whole[Math.floor(whole.length / 2)], min: whole[0] });
const starts = [];
for (let r = 0; r < RUNS; r++) {
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, [cli, '--version']);
  starts.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
starts.sort((a, b) => a - b);
results.push({ what: 'finloc --version (the process start alone)', median: starts[Math.floor(starts.length / 2)], min: starts[0] });

console.log(`document: ${(size / 1024 / 1024).toFixed(2)} MB, ${doc.lines.length} budget lines, ${doc.loans.length} loans; ${RUNS} run(s) each; Node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}`);
console.log('\n| what | median s | best s |\n|---|---:|---:|');
for (const r of results) console.log(`| ${r.what} | ${r.median.toFixed(3)} | ${r.min.toFixed(3)} |`);
if (args.includes('--keep')) console.log(`\nkept: ${file}`);
else fs.rmSync(dir, { recursive: true, force: true });
