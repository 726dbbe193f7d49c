// Two builds of the benchmark's page side by side (e.g. main's and a branch's), alternated in one browser: the
// keystrokes and the clause-list scroll of scripts/bench (bench/browser.mjs), mirror on and off. For comparing
// a change on a busy machine, where only pages measured together can be compared. Not part of scripts/bench.
// Usage: node bench/compare_pages.mjs [--portfolio] PAGE_A PAGE_B [ROUNDS] [LIBRARY]
//   (LIBRARY: a generated library, default build/native/bench-data/lib-1000.json; --portfolio: only
//   `portfolio_500_ms`, clausier_bench("portfolio", "500"), in each page)
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from '../tests/browser/lib.mjs';
import { bench, callBench, keystrokes, openApp, rafProbe, scrollFrames } from './browser.mjs';
const portfolioOnly = process.argv.includes('--portfolio');
const args = process.argv.slice(2).filter((a) => a !== '--portfolio');
const pages = args.slice(0, 2).map((p) => 'file://' + resolve(p));
const rounds = Number(args[2] || 1);
const library = resolve(args[3] || 'build/native/bench-data/lib-1000.json');
const dir = 'scenarios';
const scenario = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => {
  const text = readFileSync(join(dir, f), 'utf8'); const j = JSON.parse(text);
  return { name: f, text, title: j.title, clauses: (j.clauses || []).length };
}).sort((a, b) => b.clauses - a.clauses)[0];
const browser = await launch();
await browser.context.addInitScript({ content: `(${rafProbe})();\nwindow.__callBench = ${callBench};` });
for (let r = 0; r < rounds; r++) for (const [i, page] of pages.entries()) {
  const a = await openApp(browser.context, page);
  if (portfolioOnly) {
    const p = await bench(a.page, 'portfolio', '500');
    console.log(`${i ? 'B' : 'A'} portfolio_500_ms ${p.ms.toFixed(1)} (${p.projects} projects, ${p.items} items)`);
    await a.page.close();
    continue;
  }
  const k = await keystrokes(a, scenario, 40);
  await a.page.close();
  const b = await openApp(browser.context, page, library);
  const on = await scrollFrames(b, 'titulaire', 30);
  await bench(b.page, 'semantics', 'off');
  const off = await scrollFrames(b, 'titulaire', 30);
  await b.page.close();
  console.log(`${i ? 'B' : 'A'} keys p50 ${k.p50.toFixed(1)} p95 ${k.p95.toFixed(1)} | frame on p50 ${on.p50.toFixed(2)} p95 ${on.p95.toFixed(2)} | off p50 ${off.p50.toFixed(2)} p95 ${off.p95.toFixed(2)}`);
}
await browser.context.close();
