// The small calendar beside date fields (issue 11, point 6): opened with the mouse or the keyboard, in French
// (month and day names as drawn, read from the app's layout), moved through with the arrows and Page
// précédente / suivante, a day picked with Entrée or a click; the date is stored as if typed (the same edit of
// the field, undoable), and typing in the field still works beside it.
import { run } from './lib.mjs';

async function drawnLayout(app) {
  return JSON.parse(await app.page.evaluate(() => Module.UTF8ToString(Module._clausier_layout())));
}

await run('date_picker', async (app) => {
  await app.open();
  const field = 'besoin.launch_date', cal = field + '.calendar';
  await app.fill(field, '15/01/2027');
  let s = await app.waitState((st) => st.project.need.launch_date === '2027-01-15', 'the typed date is stored');
  app.check(s.project.need.launch_date === '2027-01-15', 'typing « 15/01/2027 » still works beside the calendar');

  // Opened with the mouse: January 2027, the focus on the 15th.
  await app.click(cal);
  s = await app.state();
  const days = await app.items(cal + '.day.');
  app.check(days.length === 31, `the calendar shows the 31 days of January (${days.length})`);
  const names = await app.page.evaluate((id) => {
    const el = document.querySelector(`[data-sem-id="${id}"]`);
    return el ? el.textContent : '';
  }, cal + '.day.15');
  app.check(names === 'vendredi 15 janvier 2027', `a day is read with its French name (« ${names} »)`);
  const layout = await drawnLayout(app);
  const heading = await app.page.evaluate(() => [...document.querySelectorAll('#clausier-semantics h3')].map((h) => h.textContent));
  app.check(heading.includes('janvier 2027'), `the month is named in French (« ${heading.join(' / ')} »)`);
  app.check(layout.items.some((it) => it.id === cal + '.day.31'), 'the days are drawn');
  let focused = await app.page.evaluate(() => document.activeElement && document.activeElement.dataset.semId);
  app.check(focused === cal + '.day.15', `the focus is on the date of the field (${focused})`);

  // The keyboard: → then ↓ goes to the 23rd, Page suivante to 23 February, Entrée picks it.
  await app.press('ArrowRight');
  await app.press('ArrowDown');
  focused = await app.page.evaluate(() => document.activeElement && document.activeElement.dataset.semId);
  app.check(focused === cal + '.day.23', `→ then ↓ moves to the 23rd (${focused})`);
  await app.press('PageDown');
  app.check((await app.items(cal + '.day.')).length === 28, 'Page suivante shows February (28 days)');
  focused = await app.page.evaluate(() => document.activeElement && document.activeElement.dataset.semId);
  app.check(focused === cal + '.day.23', `… the focus stays on the 23rd (${focused})`);
  const undoBefore = (await app.state()).undo;
  await app.press('Enter');
  s = await app.waitState((st) => st.project.need.launch_date === '2027-02-23', 'the picked date is stored');
  app.check(s.project.need.launch_date === '2027-02-23' && !(await app.has(cal + '.day.1')),
    `Entrée stores 2027-02-23 and closes the calendar (${s.project.need.launch_date})`);
  app.check(s.undo === undoBefore + 1, 'the pick is one edit of the project, undoable like typing');
  const shown = await app.page.evaluate((id) => document.querySelector(`[data-sem-id="${id}"]`).value, field);   // an <input>
  app.check(shown === '23/02/2027', `the field shows « 23/02/2027 » (« ${shown} »)`);

  // The mouse: open, next month, click the 3rd of March.
  await app.click(cal);
  await app.click(cal + '.next');
  app.check((await app.items(cal + '.day.')).length === 31, 'the next-month button shows March');
  await app.click(cal + '.day.3');
  s = await app.waitState((st) => st.project.need.launch_date === '2027-03-03', 'the clicked date is stored');
  app.check(s.project.need.launch_date === '2027-03-03', 'a click on the 3rd stores 2027-03-03');

  // Escape closes the calendar and changes nothing.
  await app.click(cal);
  await app.press('ArrowLeft');
  await app.press('Escape');
  s = await app.state();
  app.check(!(await app.has(cal + '.day.1')) && s.project.need.launch_date === '2027-03-03', 'Échap closes the calendar, the date unchanged');
}, { width: 1366, height: 768 });
