// Every « Corriger » leads to a place where the fault can be fixed (issue 11, point 10): on the workshop
// scenario « pièges » (a file full of traps), each finding's button is clicked with the mouse, and the widget
// the core names for it (`fix` in the state: checks/field_place.cpp) must then have the keyboard focus, on its
// step, in full view — a text field with its DOM element focused, any other widget with its mirrored node
// focused (what a screen reader and the visible focus frame follow).
import { run } from './lib.mjs';

// The widget that has the keyboard focus, by its id: the text overlay's field or the semantic mirror's node.
async function focusedWidget(app) {
  return app.page.evaluate(() => {
    const e = document.activeElement;
    return (e && e.dataset && (e.dataset.field || e.dataset.semId)) || '';
  });
}

await run('corriger', async (app) => {
  await app.open();
  await app.choose('top.mode', 'formation');
  await app.click('formation.scenario.pieges');
  await app.choose('top.mode', 'acheteur');
  const findings = (await app.state()).findings;
  app.check(findings.length >= 5, `the « pièges » scenario has findings to fix (${findings.length})`);
  const vp = app.page.viewportSize();
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    await app.click('panel.findings');
    await app.click('finding.' + i);
    const s = await app.state();
    const focused = await focusedWidget(app);
    // A finding about a whole list (« criteres.criteria ») leads to the list's first widget; one about the chosen
    // clauses as a whole, to the list of clauses to add (the core names it by its prefix, « clauses.item. »).
    const list = f.fix.widget.endsWith('.') ? [f.fix.widget] : [f.fix.widget + '.', f.fix.widget + '['];
    const right = focused === f.fix.widget || list.some((p) => focused.startsWith(p));
    let r = null;
    try { r = await app.rect(focused); } catch (_) { /* nothing focused: reported below */ }
    const inView = r && r.visible && r.y >= 0 && r.y + r.h <= vp.height && r.x >= 0 && r.x + r.w <= vp.width;
    app.check(s.step === f.fix.step && right && inView,
      `« Corriger » of ${f.rule} (${f.where}) opens ${s.step} with ${f.fix.widget} focused and in view ` +
      `(focused: ${focused || 'nothing'}${r && !inView ? ', not in view' : ''})`);
    if (/^art35-condition-/.test(f.rule)) {
      const pillar = f.rule.endsWith('environnementale') ? 'environnemental' : 'social';
      app.check(s.clause_filters.pillar === pillar && s.clause_filters.kind === 'condition-execution',
        `… the clause list shows the ${pillar} execution conditions (${JSON.stringify(s.clause_filters)})`);
    }
    if (f.fix.clause) app.check(s.selected_clause === f.fix.clause, `… and the clause ${f.fix.clause} is open (${s.selected_clause})`);
    await app.press('Escape');   // leaves a text field as it was
  }
}, { width: 1366, height: 768 });
