// Helpers for tests/export/run.sh: what an exported document must show, and whether a text read back from
// a PDF or by pandoc shows it. Comparison ignores white space (line wrapping, no-break spaces) and the
// typographic variants readers introduce (curly apostrophes, ligatures).
//
//   node check.mjs expect HTML PROJECT LIBRARY_LIST KIND   expected strings, one per line: the headings of
//                                                          the HTML export, the chosen clause titles, the
//                                                          criterion weights
//   node check.mjs contains TEXT EXPECTED                  prints the expected lines missing from TEXT
//   node check.mjs headings HTML PANDOC_JSON               compares the HTML headings (h2–h4) with the
//                                                          pandoc AST headers (levels 1–3)
//   node check.mjs html-safety HTML                        standalone page: no script, no external resource
import { readFileSync } from 'node:fs';

const read = (f) => readFileSync(f, 'utf8');

function unescapeHtml(s) {
  return s.replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(+n)).replace(/&amp;/g, '&');
}

export function normalize(s) {
  return s.normalize('NFC')
    .replace(/[\u2018\u2019\u02BC]/g, "'").replace(/[\u201C\u201D]/g, '"')
    .replace(/\uFB01/g, 'fi').replace(/\uFB02/g, 'fl').replace(/\uFB00/g, 'ff')
    .replace(/\u00AD/g, '')
    .replace(/[\s\u00A0\u202F\u2009\u2007]+/g, '');
}

function htmlHeadings(html) {
  const out = [];
  for (const m of html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)) out.push({ level: +m[1] - 1, text: unescapeHtml(m[2]) });
  return out;
}

function frenchNumber(v) {
  return String(Math.round(v * 100) / 100).replace('.', ',');
}

function expected(htmlFile, projectFile, libraryFile, kind) {
  const lines = htmlHeadings(read(htmlFile)).map((h) => h.text);
  const project = JSON.parse(read(projectFile));
  const byId = new Map(JSON.parse(read(libraryFile)).clauses.map((c) => [c.id, c]));
  for (const chosen of project.clauses || []) {
    const c = byId.get(chosen.id);
    if (c && (kind === 'synthese' || c.kind !== 'sourcing')) lines.push(c.title);
  }
  for (const c of project.criteria || []) lines.push(`${frenchNumber(c.weight ?? 0)} %`);
  return lines;
}

function stringify(inlines) {
  let s = '';
  for (const i of inlines || []) {
    switch (i.t) {
      case 'Str': s += i.c; break;
      case 'Space': case 'SoftBreak': case 'LineBreak': s += ' '; break;
      case 'Code': case 'Math': s += i.c[1]; break;
      case 'Quoted': { const q = i.c[0].t === 'SingleQuote' ? "'" : '"'; s += q + stringify(i.c[1]) + q; break; }
      case 'Emph': case 'Strong': case 'Underline': case 'Strikeout': case 'SmallCaps': case 'Superscript':
      case 'Subscript': s += stringify(i.c); break;
      case 'Span': case 'Link': case 'Image': s += stringify(i.c[1]); break;
      case 'Cite': s += stringify(i.c[1]); break;
      default: break;
    }
  }
  return s;
}

function pandocHeadings(ast) {
  const out = [];
  const walk = (blocks) => {
    for (const b of blocks || []) {
      if (b.t === 'Header') out.push({ level: b.c[0], text: stringify(b.c[2]) });
      else if (b.t === 'Div' || b.t === 'BlockQuote') walk(b.t === 'Div' ? b.c[1] : b.c);
    }
  };
  walk(ast.blocks);
  return out;
}

function fail(messages) {
  for (const m of messages) console.log(m);
  process.exit(messages.length ? 1 : 0);
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'expect') {
  for (const line of expected(...args)) console.log(line);
} else if (cmd === 'contains') {
  const text = normalize(read(args[0]));
  const missing = read(args[1]).split('\n').filter((l) => l.trim() && !text.includes(normalize(l)));
  fail(missing.map((l) => `absent : ${l}`));
} else if (cmd === 'headings') {
  const want = htmlHeadings(read(args[0])).filter((h) => h.level >= 1);
  const got = pandocHeadings(JSON.parse(read(args[1])));
  const problems = [];
  const n = Math.max(want.length, got.length);
  for (let k = 0; k < n && problems.length < 5; k++) {
    const w = want[k], g = got[k];
    if (!w || !g || w.level !== g.level || normalize(w.text) !== normalize(g.text))
      problems.push(`titre ${k + 1} : attendu ${w ? `${w.level} « ${w.text} »` : 'rien'}, lu ${g ? `${g.level} « ${g.text} »` : 'rien'}`);
  }
  fail(problems);
} else if (cmd === 'html-safety') {
  const html = read(args[0]);
  const problems = [];
  if (!html.startsWith('<!DOCTYPE html>')) problems.push('pas de <!DOCTYPE html> en tête');
  if (!/<html lang="fr">/.test(html)) problems.push('lang="fr" absent');
  if (/<script/i.test(html)) problems.push('balise <script> présente');
  const tags = html.match(/<[a-zA-Z][^>]*>/g) || [];
  if (tags.some((t) => /\s(src|href|srcset|action|formaction|on[a-z]+)\s*=/i.test(t))) problems.push('référence à une ressource externe ou gestionnaire d\'événement');
  const style = (html.match(/<style>([\s\S]*?)<\/style>/) || ['', ''])[1];
  if (/url\s*\(|@import/i.test(style)) problems.push('ressource externe dans la feuille de style');
  if (tags.some((t) => /^<th[\s>]/.test(t) && !/scope="col"/.test(t))) problems.push('<th> sans scope="col"');
  const levels = htmlHeadings(html).map((h) => h.level);
  for (let k = 1; k < levels.length; k++)
    if (levels[k] > levels[k - 1] + 1) problems.push(`titres non ordonnés : h${levels[k - 1] + 1} puis h${levels[k] + 1}`);
  if (levels[0] !== 0 || levels.filter((l) => l === 0).length !== 1) problems.push('un seul <h1>, en premier');
  fail(problems);
} else {
  console.error('usage: node check.mjs expect|contains|headings|html-safety …');
  process.exit(2);
}
