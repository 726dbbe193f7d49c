// Helpers for tests/export/run.sh: what an exported document must show, and whether a text read back from
// a PDF or by pandoc shows it. Comparison ignores white space (line wrapping, no-break spaces) and the
// typographic variants readers introduce (curly apostrophes, ligatures).
//
//   node check.mjs html HTML PROJECT LIBRARY_LIST KIND PREFIX
//       writes PREFIX.expect (the headings of the HTML export, the chosen clause titles, the criterion
//       weights) and PREFIX.headings, and checks that the page is standalone and accessible
//   node check.mjs office LABEL HTML PREFIX PANDOC_TXT PANDOC_JSON PDF_TXT
//       a DOCX or ODT read back by pandoc (plain text and AST) and from its PDF ("-" = not available)
//   node check.mjs contains TEXT EXPECTED     prints the expected lines missing from TEXT
//
// html and office print one line per check, "ok<TAB>name" or "FAIL<TAB>name" followed by indented details.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

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
  // The execution report names the holders and commitments, not the clauses and weights.
  if (kind === 'execution') return [...lines, ...(project.award?.lots || []).flatMap((l) => l.holders.map((h) => h.siret))];
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

function blockText(blocks, out) {
  for (const b of blocks || []) {
    switch (b.t) {
      case 'Plain': case 'Para': out.push(stringify(b.c)); break;
      case 'Header': out.push(stringify(b.c[2])); break;
      case 'BulletList': for (const item of b.c) blockText(item, out); break;
      case 'OrderedList': for (const item of b.c[1]) blockText(item, out); break;
      case 'BlockQuote': blockText(b.c, out); break;
      case 'Div': blockText(b.c[1], out); break;
      case 'Table': {
        // pandoc 2.10+: [attr, caption, colspecs, head, bodies, foot]; rows are [attr, cells], cells [.., blocks].
        const rows = (section) => section[1];
        const cellBlocks = (row) => row[1].map((cell) => cell[4]);
        const [, , , head, bodies, foot] = b.c;
        const allRows = [...rows(head), ...bodies.flatMap((body) => [...body[2], ...body[3]]), ...rows(foot)];
        for (const row of allRows) for (const blocksOfCell of cellBlocks(row)) blockText(blocksOfCell, out);
        break;
      }
      default: break;
    }
  }
  return out;
}

function containsProblems(textFile, expectLines) {
  const text = normalize(read(textFile));
  return expectLines.filter((l) => l.trim() && !text.includes(normalize(l))).map((l) => `absent : ${l}`);
}

function headingProblems(htmlFile, pandocJsonFile) {
  const want = htmlHeadings(read(htmlFile)).filter((h) => h.level >= 1);
  const got = pandocHeadings(JSON.parse(read(pandocJsonFile)));
  const problems = [];
  const n = Math.max(want.length, got.length);
  for (let k = 0; k < n && problems.length < 5; k++) {
    const w = want[k], g = got[k];
    if (!w || !g || w.level !== g.level || normalize(w.text) !== normalize(g.text))
      problems.push(`titre ${k + 1} : attendu ${w ? `${w.level} « ${w.text} »` : 'rien'}, lu ${g ? `${g.level} « ${g.text} »` : 'rien'}`);
  }
  return problems;
}

function htmlProblems(html) {
  const problems = [];
  if (!html.startsWith('<!DOCTYPE html>')) problems.push('pas de <!DOCTYPE html> en tête');
  if (!/<html lang="fr">/.test(html)) problems.push('lang="fr" absent');
  if (/<script/i.test(html)) problems.push('balise <script> présente');
  const tags = html.match(/<[a-zA-Z][^>]*>/g) || [];
  // Links to web and e-mail addresses of the text are the only href; nothing is loaded, no handler.
  const link = (t) => /^<a href="(https?:\/\/|mailto:)[^"]*">$/.test(t);
  if (tags.some((t) => !link(t) && /\s(src|href|srcset|action|formaction|on[a-z]+)\s*=/i.test(t)))
    problems.push("référence à une ressource externe ou gestionnaire d'événement");
  const style = (html.match(/<style>([\s\S]*?)<\/style>/) || ['', ''])[1];
  if (/url\s*\(|@import/i.test(style)) problems.push('ressource externe dans la feuille de style');
  if (tags.some((t) => /^<th[\s>]/.test(t) && !/scope="col"/.test(t))) problems.push('<th> sans scope="col"');
  const levels = htmlHeadings(html).map((h) => h.level);
  for (let k = 1; k < levels.length; k++)
    if (levels[k] > levels[k - 1] + 1) problems.push(`titres non ordonnés : h${levels[k - 1] + 1} puis h${levels[k] + 1}`);
  if (levels[0] !== 0 || levels.filter((l) => l === 0).length !== 1) problems.push('un seul <h1>, en premier');
  return problems;
}

// One line per check for run.sh to count: "ok<TAB>name", or "FAIL<TAB>name" then indented details.
function report(name, problemsOrFn) {
  let problems;
  try {
    problems = typeof problemsOrFn === 'function' ? problemsOrFn() : problemsOrFn;
  } catch (e) {
    problems = [String(e.message || e)];
  }
  console.log(`${problems.length ? 'FAIL' : 'ok'}\t${name}`);
  for (const p of problems.slice(0, 20)) console.log(`    ${p}`);
}

const lines = (file) => read(file).split('\n').filter((l) => l.trim());

const [cmd, ...args] = process.argv.slice(2);
if (import.meta.url !== pathToFileURL(process.argv[1]).href) {
  // Imported by another helper (typed-text.mjs) for normalize(): no command to run.
} else if (cmd === 'html') {
  // html HTML PROJECT LIBRARY_LIST KIND PREFIX: writes PREFIX.expect and PREFIX.headings, checks the page.
  const [htmlFile, projectFile, libraryFile, kind, prefix] = args;
  writeFileSync(`${prefix}.expect`, expected(htmlFile, projectFile, libraryFile, kind).join('\n') + '\n');
  writeFileSync(`${prefix}.headings`, htmlHeadings(read(htmlFile)).map((h) => h.text).join('\n') + '\n');
  report(`HTML autonome et accessible : ${htmlFile.split('/').pop()}`, () => htmlProblems(read(htmlFile)));
} else if (cmd === 'office') {
  // office LABEL HTML PREFIX PANDOC_TXT PANDOC_JSON PDF_TXT: a DOCX or ODT file read back by pandoc and
  // from its PDF; a file that a reader could not produce is passed as "-" and skipped.
  const [label, htmlFile, prefix, plain, ast, pdf] = args;
  if (plain !== '-') report(`pandoc -t plain retrouve chaque titre : ${label}`, () => containsProblems(plain, lines(`${prefix}.headings`)));
  if (ast !== '-') {
    report(`pandoc lit les titres aux mêmes niveaux : ${label}`, () => headingProblems(htmlFile, ast));
    report(`pandoc retrouve clauses et pondérations : ${label}`, () => {
      const tree = JSON.parse(read(ast));
      const title = tree.meta && tree.meta.title ? [stringify(tree.meta.title.c)] : [];
      const text = normalize([...title, ...blockText(tree.blocks, [])].join('\n'));
      return lines(`${prefix}.expect`).filter((l) => !text.includes(normalize(l))).map((l) => `absent : ${l}`);
    });
  }
  if (pdf !== '-') report(`le PDF montre titres, clauses et pondérations : ${label}`, () => containsProblems(pdf, lines(`${prefix}.expect`)));
} else if (cmd === 'contains') {
  const problems = containsProblems(args[0], lines(args[1]));
  for (const p of problems) console.log(p);
  process.exit(problems.length ? 1 : 0);
} else {
  console.error('usage: node check.mjs html|office|contains …');
  process.exit(2);
}
