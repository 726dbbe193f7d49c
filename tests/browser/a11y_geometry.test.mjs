// The semantic mirror's nodes lie over their widgets (issue 17): screen magnifiers follow the focused node and
// touch exploration finds the node under the finger, so each node of web/semantics.js has the rectangle of the
// widget it mirrors — after a scroll and after the window is resized too — while the pointer still goes through
// to the canvas (a click on a widget is never taken by its node).
import { run } from './lib.mjs';

// The mirrored node of widget `id`: its box in the page, as a magnifier or a touch screen reader sees it.
async function nodeBox(app, id) {
  return app.page.evaluate((id) => {
    const el = document.querySelector(`#clausier-semantics [data-sem-id="${CSS.escape(id)}"]`);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height };
  }, id);
}

async function matches(app, id, what) {
  const w = await app.rect(id), n = await nodeBox(app, id);
  const near = n && Math.abs(n.x - w.x) <= 2 && Math.abs(n.y - w.y) <= 2 && Math.abs(n.w - w.w) <= 2 && Math.abs(n.h - w.h) <= 2;
  app.check(near, `${what}: the node of ${id} lies over its widget (node ${n && [n.x, n.y, n.w, n.h].map(Math.round)}, widget ${[w.x, w.y, w.w, w.h].map(Math.round)})`);
  return w;
}

await run('a11y_geometry', async (app) => {
  await app.open();
  for (const id of ['top.new', 'step.lots', 'besoin.object', 'besoin.nature']) await matches(app, id, '1366×768');
  // Text is placed too: the step's heading.
  const heading = await app.page.evaluate(() => {
    const h = document.querySelector('#clausier-semantics h1');
    const r = h.getBoundingClientRect();
    return { text: h.textContent, x: r.x, y: r.y, w: r.width, h: r.height };
  });
  const title = await app.rect('step.title');
  app.check(Math.abs(heading.x - title.x) <= 2 && Math.abs(heading.y - title.y) <= 2 && Math.abs(heading.h - title.h) <= 2,
    `the step's heading node « ${heading.text} » lies over the title`);

  // Nothing of the mirror takes the pointer: what is under a button is the canvas.
  const b = await app.rect('top.new');
  const under = await app.page.evaluate(([x, y]) => document.elementFromPoint(x, y).id, [b.x + b.w / 2, b.y + b.h / 2]);
  app.check(under === 'canvas', `the pointer over « Nouveau » reaches the canvas (${under})`);
  // … and the node stays out of sight (transparent).
  const look = await app.page.evaluate(() => {
    const el = document.querySelector('#clausier-semantics [data-sem-id="top.new"]');
    const cs = getComputedStyle(el);
    return { color: cs.color, background: cs.backgroundColor, events: cs.pointerEvents };
  });
  app.check(/rgba\(0, 0, 0, 0\)|transparent/.test(look.color) && /rgba\(0, 0, 0, 0\)|transparent/.test(look.background) && look.events === 'none',
    `the node is transparent and lets the pointer through (${JSON.stringify(look)})`);

  // After a scroll of the form with the mouse wheel, nodes follow their widgets.
  const before = await app.rect('besoin.launch_date');
  await app.reveal('besoin.launch_date');
  const after = await matches(app, 'besoin.launch_date', 'after a scroll');
  app.check(after.y !== before.y, `the form scrolled (${Math.round(before.y)} → ${Math.round(after.y)} px)`);
  await matches(app, 'step.lots', 'after a scroll, the stepper');

  // After the window is resized (1024×768: the stepper keeps only the step numbers).
  await app.page.setViewportSize({ width: 1024, height: 768 });
  await app.waitState(() => true);
  await app.settle();
  for (const id of ['top.new', 'step.lots', 'besoin.launch_date']) await matches(app, id, '1024×768');

  // A click on a widget goes to the app: « Étape 3 » opens the lots step.
  await app.click('step.lots');
  app.check((await app.state()).step === 'lots', 'a click where the step\'s node lies opens the step');
}, { width: 1366, height: 768 });
