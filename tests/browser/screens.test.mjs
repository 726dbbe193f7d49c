// Screenshots of every step with a realistic project (the school-catering scenario) at 1280×800, at
// 1920×1080 and at 200 % zoom, written to build/screenshots/ (docs/ keeps a selection for the README).
// Each view is checked, not just pictured: the step shown, the canvas filling the window at its real pixel
// size, and the step's title inside the window.
import { launch } from './lib.mjs';

const steps = ['besoin', 'sourcing', 'lots', 'objectifs', 'clauses', 'criteres', 'suivi', 'consultation', 'verification', 'export'];
const views = [
  { name: '1280x800', width: 1280, height: 800, zoom: '100' },
  { name: '1920x1080', width: 1920, height: 1080, zoom: '100' },
  { name: '1280x800-zoom200', width: 1280, height: 800, zoom: '200' },
];

let failed = 0, passed = 0;
for (const v of views) {
  const app = await launch({ width: v.width, height: v.height });
  try {
    await app.open();
    await app.choose('top.mode', 'formation');
    await app.click('formation.scenario.restauration-scolaire');
    await app.choose('top.mode', 'acheteur');
    if (v.zoom !== '100') await app.choose('top.zoom', v.zoom);
    const s = await app.state();
    app.check(s.scenario === 'restauration-scolaire' && Math.round(s.zoom * 100) === Number(v.zoom),
      `${v.name}: scenario loaded at ${v.zoom} %`);
    const canvas = await app.page.evaluate(() => { const c = document.querySelector('canvas'); return [c.width, c.height]; });
    app.check(canvas[0] === v.width && canvas[1] === v.height, `${v.name}: the canvas fills the window (${canvas.join('×')})`);
    // Every control of the top bar stays inside the window (it wraps rather than running off).
    for (const id of ['top.new', 'top.save', 'top.undo', 'top.mode', 'top.zoom', 'top.contrast']) {
      const r = await app.rect(id);
      app.check(r.x >= 0 && r.x + r.w <= v.width && r.y + r.h <= v.height / 3, `${v.name}: ${id} inside the top of the window`);
    }
    const em = s.em;
    for (let i = 0; i < steps.length; i++) {
      await app.click('step.' + steps[i]);
      const st = await app.state();
      const title = await app.rect('step.title');
      // A title on at most two lines: the form column is wide enough to read, not squeezed by the side columns.
      app.check(st.step === steps[i] && title.x >= 0 && title.x + title.w <= v.width && title.y >= 0 && title.h < 4.5 * em,
        `${v.name}: step ${steps[i]} shown with its title in the window (${Math.round(title.h)} px high, 1 em = ${Math.round(em)} px)`);
      if (steps[i] === 'clauses') await app.click((await app.items('clauses.item.'))[0]);   // show a clause's detail
      await app.shot(`${v.name}-${i + 1}-${steps[i]}`);
    }
  } catch (e) {
    app.check(false, 'unexpected error: ' + (e && e.stack || e));
  }
  await app.context.close();
  passed += app.passed; failed += app.failed;
}
console.log(`screens: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
