// No tool text in the documents a buyer signs or publishes (issue 13, point 5): every exported document of the
// workshop scenarios and the sample, in every format (the HTML and Markdown files themselves, the DOCX and ODT
// as pandoc reads them back), is scanned for what the tool would leave behind:
//   - explanations of the tool (« (appel d'offres ou autre procédure formalisée) », « (à partir de … € HT) »),
//     and the tool talking about itself (« cliquez », « l'outil », « Clausier »);
//   - undecided alternatives (« BPU ou DPGF », « CCAG-FCS ou CCAG-Travaux »);
//   - unmarked placeholders ({{, }}, TODO, XXX, undefined, null, NaN…) and identifiers or English words of the
//     code (snake_case or camelCase names, true/false/none). Gaps the buyer must fill are marked
//     « [à compléter par l'acheteur : …] » and are not tool text.
// Web and e-mail addresses are left out of the scan (their paths may hold any word).
//
//   node tool-text.mjs FILE...      one line per file, "ok<TAB>name" or "FAIL<TAB>name" and the findings
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export const PATTERNS = [
  ['explication de l\'outil', /\(appel d'offres ou autre procédure formalisée\)|\(à partir de [^)]*€\s*HT\)/gu],
  ['l\'outil parle de lui-même', /\b(?:cliquez|l'outil|cette application|Clausier)\b/giu],
  ['alternative non tranchée (document de prix)', /\b(?:BPU|DQE|DPGF)\s+ou\s+(?:le\s+|la\s+|un\s+|une\s+)?(?:BPU|DQE|DPGF)\b/gu],
  ['alternative non tranchée (CCAG)', /\bCCAG[-\s][\p{L}]+\s+ou\s+(?:le\s+|du\s+|au\s+)?CCAG\b/gu],
  ['marque de gabarit', /\{\{|\}\}|\$\{|\[object Object\]/gu],
  ['marque de travail', /\b(?:TODO|FIXME|XXX|TBD)\b/gu],
  ['valeur vide du code', /\b(?:undefined|null|nullptr|NaN|Infinity|true|false|none)\b/gu],
  ['identifiant du code', /\b[a-z]+_[a-z0-9_]+\b|\b[a-z]+[A-Z][a-z]+[A-Za-z]*\b|\b\w+::\w+/gu],
];

// Text of a file as a reader sees it: HTML without its head, tags and entities; addresses removed.
export function readable(file) {
  let s = readFileSync(file, 'utf8');
  if (/\.html?$/.test(file)) {
    s = s.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<[^>]*>/g, ' ')
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
      .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(+n)).replace(/&amp;/g, '&');
  }
  return s.normalize('NFC').replace(/[\u2018\u2019]/g, "'")
    .replace(/\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ');
}

export function findings(text) {
  const out = [];
  for (const [what, re] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const from = Math.max(0, m.index - 50);
      out.push(`${what} : « ${m[0]} » dans « …${text.slice(from, m.index + m[0].length + 50).replace(/\s+/g, ' ')}… »`);
    }
  }
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  for (const file of process.argv.slice(2)) {
    const found = findings(readable(file));
    console.log(`${found.length ? 'FAIL' : 'ok'}\taucun texte d'outil : ${basename(file)}`);
    for (const f of found.slice(0, 8)) console.log(`    ${f}`);
    if (found.length > 8) console.log(`    … et ${found.length - 8} autres`);
  }
}
