// Helper for tests/export/run.sh: how the buyer's typed text comes out of every writer, read back by real
// consumers (pandoc reads the DOCX, ODT, HTML and Markdown exports; LibreOffice's PDF of the DOCX and ODT,
// through pdftotext). The project is saisie.clausier.json: a description typed with single line breaks,
// blank lines, CR LF, a form feed, a vertical tab and a tab, a web and an e-mail address, a time and an
// identifier, decomposed accents, a one-line field pasted on two lines and amounts with cents.
//
//   node typed-text.mjs FILES_DIR TEXT_DIR STEM      (STEM: e.g. "saisie-dce"; reads STEM-html.html etc.)
//
// Prints one line per check, "ok<TAB>name" or "FAIL<TAB>name" followed by indented details.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { normalize } from './check.mjs';

const [filesDir, textDir, stem] = process.argv.slice(2);
const report = (ok, name, detail = '') => {
  console.log(`${ok ? 'ok' : 'FAIL'}\t${name}`);
  if (!ok && detail) console.log(`    ${detail}`.slice(0, 600));
};

// The document's paragraphs as pandoc reads them: for each Para or Plain, its pieces of text, a LineBreak
// written as "⏎", and the link targets found.
function paragraphs(ast) {
  const out = [];
  const inline = (xs, para) => {
    for (const x of xs || []) {
      switch (x.t) {
        case 'Str': para.text += x.c; break;
        case 'Space': case 'SoftBreak': para.text += ' '; break;
        case 'LineBreak': para.text += '⏎'; break;
        case 'Link': para.links.push(x.c[2][0]); inline(x.c[1], para); break;
        case 'Emph': case 'Strong': case 'Underline': case 'Span': inline(x.t === 'Span' ? x.c[1] : x.c, para); break;
        case 'Quoted': inline(x.c[1], para); break;
        default: break;
      }
    }
  };
  const walk = (blocks) => {
    for (const b of blocks || []) {
      if (b.t === 'Para' || b.t === 'Plain') {
        const para = { text: '', links: [] };
        inline(b.c, para);
        out.push(para);
      } else if (b.t === 'BulletList' || b.t === 'OrderedList') {
        for (const item of b.t === 'BulletList' ? b.c : b.c[1]) walk(item);
      } else if (b.t === 'Div') walk(b.c[1]);
      else if (b.t === 'BlockQuote') walk(b.c);
    }
  };
  walk(ast.blocks);
  return out;
}

const flat = (s) => s.normalize('NFC').replace(/[\s\u00A0\u202F]+/g, ' ');

function checkFormat(format, ast) {
  const paras = paragraphs(ast).map((p) => ({ ...p, text: flat(p.text) }));
  const find = (start) => paras.find((p) => p.text.trimStart().startsWith(start));
  const first = find('Premier paragraphe');
  report(first && first.text.includes('première ligne.⏎Premier paragraphe, seconde ligne.'),
    `${format} : une ligne simple reste un saut de ligne dans le paragraphe`, first ? first.text : 'paragraphe absent');
  const second = find('Second paragraphe');
  report(second && !second.text.includes('Premier') && second.text.includes('!⏎Questions à'),
    `${format} : une ligne vide ouvre un paragraphe, CR LF est un saut de ligne`, second ? second.text : 'paragraphe absent');
  const third = find('Troisième paragraphe');
  report(third && !third.text.includes('Questions') && third.text.includes('saut de page⏎puis une ligne avec une tabulation.'),
    `${format} : le saut de page ouvre un paragraphe, la tabulation verticale est un saut de ligne, la tabulation une espace`,
    third ? third.text : 'paragraphe absent');
  report(second && second.text.includes('https://www.marches-publics.gouv.fr/?page=entreprise&id=26-00000 avant 14:30 (réf. idweb:26-00000)'),
    `${format} : adresse, heure et identifiant restent entiers`, second ? second.text : '');
  report(paras.some((p) => p.text.includes('Lot réservé aux structures')),
    `${format} : le texte décomposé est rendu composé`);
  const objet = paras.find((p) => p.text.includes('Nettoyage des locaux') && p.text.includes('gymnases'));
  report(objet && objet.text.includes('Nettoyage des locaux et des gymnases') && !objet.text.includes('⏎'),
    `${format} : un champ d'une ligne collé sur deux lignes reste sur une ligne`, objet ? objet.text : '');
  const links = paras.flatMap((p) => p.links);
  if (format === 'html') {
    report(links.includes('https://www.marches-publics.gouv.fr/?page=entreprise&id=26-00000') &&
      links.includes('mailto:achats@ville-exemple.fr'), 'html : les adresses sont des liens', JSON.stringify(links));
    report(links.every((l) => /^(https?:\/\/|mailto:)/.test(l)), 'html : aucun lien vers un autre schéma', JSON.stringify(links));
  } else {
    // The table of contents refers to the headings' bookmarks: pandoc reads those as links inside the document.
    const outside = links.filter((l) => !l.startsWith('#'));
    report(outside.length === 0, `${format} : aucun lien hors du document (pas de référence externe)`, JSON.stringify(outside));
  }
}

for (const [format, file] of [['docx', `${stem}-docx.docx`], ['odt', `${stem}-odt.odt`], ['html', `${stem}-html.html`],
  ['md', `${stem}-md.md`]]) {
  const path = `${filesDir}/${file}`;
  const reader = format === 'md' ? 'markdown' : format;
  let ast;
  try {
    ast = JSON.parse(execFileSync('pandoc', ['-f', reader, '-t', 'json', path], { encoding: 'utf8' }));
  } catch (e) {
    report(false, `pandoc lit ${file}`, String(e.message));
    continue;
  }
  checkFormat(format, ast);
  const raw = readFileSync(path, 'latin1');
  if (format === 'html' || format === 'md')
    report(!/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(raw), `${format} : aucun caractère de contrôle`);
}

// The PDF LibreOffice made of each office file: the text typed is there, amounts with their cents.
for (const format of ['docx', 'odt']) {
  const pdf = `${textDir}/${stem}-${format}.pdf.txt`;
  if (!existsSync(pdf)) { report(false, `${format} : texte du PDF absent`); continue; }
  const text = normalize(readFileSync(pdf, 'utf8'));
  for (const expected of ['Premier paragraphe, seconde ligne.', 'https://www.marches-publics.gouv.fr/?page=entreprise&id=26-00000',
    'idweb:26-00000', 'Lot réservé aux structures', '95 000,50 € HT', '35 000,25 € HT'])
    report(text.includes(normalize(expected)), `${format} PDF : « ${expected} »`);
}
