// The HTML export is the print-ready form of every document (issue 13, point 8): Debian's Chromium prints each
// page to PDF with its own print style sheet (page.pdf(), A4 from the page's @page rule, the running header and
// « Page n sur m » from its margin boxes), and pdftotext (poppler-utils) reads the PDF back to check that:
//   - each document of the file (each <h2> of <main>, the RC, the CCAP, every acte d'engagement…) starts a page;
//   - the running header and « Page n sur m » are on every page;
//   - no word of a table header is cut across lines (« Pondér|ation »);
//   - no amount is cut across lines (« 500 » | « € ») and every amount of the page is printed on one line;
//   - the text is all there: every heading, paragraph, list item and table cell of the page is in the PDF.
//
//   node print.mjs OUTDIR FILE.html...     one line per check, "ok<TAB>name" or "FAIL<TAB>name" and details
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const squeeze = (s) => s.normalize('NFC').replace(/[\u2018\u2019\u02BC]/g, "'").replace(/[\u201C\u201D]/g, '"')
  .replace(/\uFB01/g, 'fi').replace(/\uFB02/g, 'fl').replace(/\uFB00/g, 'ff').replace(/\u00AD/g, '')
  .replace(/[\s\u00A0\u202F\u2009\u2007]+/g, '');
const oneSpace = (s) => s.normalize('NFC').replace(/[\s\u00A0\u202F\u2009\u2007]+/g, ' ').trim();

function report(ok, name, details = []) {
  console.log(`${ok ? 'ok' : 'FAIL'}\t${name}`);
  if (!ok) for (const d of details.slice(0, 8)) console.log(`    ${d}`);
}

// What the page shows, read from its DOM: the running header, each document's title, the table headers, every
// leaf block's text and every amount in euros.
function pageFacts() {
  const header = getComputedStyle(document.body) && [...document.styleSheets].flatMap((s) => [...s.cssRules])
    .map((r) => r.cssText).join('\n');
  const m = /@top-center\s*\{[^}]*content:\s*"((?:[^"\\]|\\.)*)"/.exec(header);
  const running = m ? m[1].replace(/\\([0-9A-Fa-f]{1,6}) ?/g, (_, h) => String.fromCodePoint(parseInt(h, 16))) : '';
  const main = document.querySelector('main');
  const titles = [...main.children].filter((e) => e.tagName === 'H2' && e !== main.firstElementChild).map((e) => e.textContent);
  const headers = [...document.querySelectorAll('th')].map((e) => e.textContent);
  const blocks = [...document.querySelectorAll('h1, h2, h3, h4, p, li, th, td, dt, dd')]
    .filter((e) => !e.querySelector('p, li, ul, ol, table')).map((e) => e.textContent).filter((t) => t.trim());
  return { running, titles, headers, blocks };
}

const AMOUNT = /\d{1,3}(?:[\u202F\u00A0 ]\d{3})*(?:,\d+)?[\u202F\u00A0 ]?€/g;

function checkPdf(name, facts, text) {
  const pages = text.split('\f').filter((p, k, all) => k < all.length - 1 || p.trim());
  const header = squeeze(facts.running);
  const body = pages.map((p, k) => {
    let s = squeeze(p);
    const at = s.indexOf(header);
    if (at >= 0 && at < 5) s = s.slice(at + header.length);
    return s.replace(`Page${k + 1}sur${pages.length}`, '');
  });
  report(pages.length > 1, `${name} : imprimé sur plusieurs pages (${pages.length})`);

  const noHeader = pages.map((p, k) => k + 1).filter((k) => squeeze(pages[k - 1]).indexOf(header) !== 0 || !header);
  report(noHeader.length === 0, `${name} : en-tête courant « ${facts.running} » en haut de chaque page`,
    noHeader.map((k) => `page ${k} : « ${oneSpace(pages[k - 1]).slice(0, 100)} »`));
  const noFooter = pages.map((p, k) => k + 1).filter((k) => !squeeze(pages[k - 1]).includes(`Page${k}sur${pages.length}`));
  report(noFooter.length === 0, `${name} : « Page n sur ${pages.length} » sur chaque page`, noFooter.map((k) => `page ${k}`));

  const notFirst = facts.titles.filter((t) => !body.some((b) => b.startsWith(squeeze(t).slice(0, 60))));
  report(facts.titles.length > 0 && notFirst.length === 0,
    `${name} : chacun des ${facts.titles.length} documents commence une page`, notFirst.map((t) => `« ${t} »`));

  const lines = text.split(/\n|\f/).map((l) => l.trim());
  const cut = [];
  const words = new Set(facts.headers.flatMap((h) => h.split(/[\s\u00A0\u202F()',;:]+/)).filter((w) => w.length >= 4));
  for (let k = 0; k + 1 < lines.length; ++k) {
    const end = /([\p{L}]+)-?$/u.exec(lines[k]);
    const start = /^([\p{L}]+)/u.exec(lines[k + 1]);
    if (end && start && words.has(end[1] + start[1]) && !words.has(end[1]) && !words.has(start[1]))
      cut.push(`« ${lines[k].slice(-30)} | ${lines[k + 1].slice(0, 30)} »`);
  }
  report(cut.length === 0, `${name} : aucun mot d'en-tête de tableau coupé (${words.size} mots)`, cut);

  const split = lines.flatMap((l, k) => (k + 1 < lines.length && /\d$/.test(l) && /^€/.test(lines[k + 1])
    ? [`« ${l.slice(-30)} | ${lines[k + 1].slice(0, 30)} »`] : []));
  const oneLine = lines.map(oneSpace);
  const amounts = [...new Set(facts.blocks.flatMap((b) => [...b.matchAll(AMOUNT)].map((m) => oneSpace(m[0]))))];
  const broken = amounts.filter((a) => !oneLine.some((l) => l.includes(a)));
  report(split.length === 0 && broken.length === 0 && amounts.length > 0,
    `${name} : aucun montant coupé en fin de ligne (${amounts.length} montants)`,
    [...split, ...broken.map((a) => `« ${a} » n'est sur aucune ligne entière`)]);

  const all = body.join('');
  const missing = facts.blocks.filter((b) => !all.includes(squeeze(b)));
  report(missing.length === 0, `${name} : tout le texte est imprimé (${facts.blocks.length} blocs)`,
    missing.map((b) => `absent : « ${oneSpace(b).slice(0, 120)} »`));
}

const [outdir, ...files] = process.argv.slice(2);
mkdirSync(outdir, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const file of files) {
    const name = basename(file, '.html');
    const pdf = join(outdir, `${name}.print.pdf`);
    await page.goto(pathToFileURL(resolve(file)).href);
    const facts = await page.evaluate(pageFacts);
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    checkPdf(`impression ${name}`, facts, text);
  }
} finally {
  await browser.close();
}
