// What a screen reader reads (issue 17): Chromium's accessibility tree, read through CDP
// Accessibility.getFullAXTree, on every step. The app draws on a canvas; its semantic mirror (src/ui/semantics.h,
// web/semantics.js) must expose at least 95 % of the interactive widgets drawn with a role and a French name,
// the selected clause's text and every finding's message as text, invalid fields with their message, landmarks
// and headings. Then a user who only has the tree fills the need step and adds a clause: each widget is found in
// the tree, focused through CDP (DOM.focus on its node, as a screen reader moves its focus) and used with keys.
// Announcements: a step change and a new blocking point are said once, typing is not read back.
import { run } from './lib.mjs';

const INTERACTIVE = new Set(['button', 'link', 'textbox', 'checkbox', 'combobox', 'option', 'tab', 'ComboBoxGrouping',
  'ComboBoxMenuButton', 'ListBoxOption', 'searchbox']);

// The tree as a flat list in document order: role, name, value, description, states, and the DOM node behind it.
async function tree(app) {
  const cdp = await app.cdp();
  if (!app.axEnabled) {
    await cdp.send('Accessibility.enable');
    await cdp.send('DOM.enable');
    app.axEnabled = true;
  }
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  return nodes.filter((n) => !n.ignored).map((n) => ({
    role: n.role && n.role.value, name: (n.name && n.name.value) || '', value: n.value && n.value.value,
    description: (n.description && n.description.value) || '', backend: n.backendDOMNodeId,
    props: Object.fromEntries((n.properties || []).map((p) => [p.name, p.value && p.value.value])),
  }));
}

// The automation id of a tree node (the mirror puts it in data-sem-id).
async function semId(app, node) {
  const { node: dom } = await (await app.cdp()).send('DOM.describeNode', { backendNodeId: node.backend });
  const attrs = dom.attributes || [];
  const at = attrs.indexOf('data-sem-id');
  return at >= 0 ? attrs[at + 1] : null;
}

// A name a French user can read: letters, not an automation id, no ImGui id suffix.
function frenchName(name, id) {
  return /[a-zàâçéèêëîïôûùüÿœ]/i.test(name) && !name.includes('##') && name !== id && !/^[a-z_]+(\.[\w\[\]=-]+)+$/.test(name);
}

async function find(app, role, name) {
  const nodes = await tree(app);
  return nodes.find((n) => n.role === role && (name instanceof RegExp ? name.test(n.name) : n.name === name));
}

// Focuses the node as a screen reader does (CDP DOM.focus), then waits for the app to give the widget the focus.
async function focus(app, role, name) {
  const node = await find(app, role, name);
  if (!node) throw new Error(`no ${role} « ${name} » in the accessibility tree`);
  await (await app.cdp()).send('DOM.focus', { backendNodeId: node.backend });
  await app.settle();
  return node;
}

// Checks the step on screen: interactive widgets exposed, their names, the findings' messages as text.
async function checkStep(app, step) {
  const s = await app.state();
  const nodes = await tree(app);
  const exposed = new Map();
  for (const n of nodes) {
    if (!INTERACTIVE.has(n.role) || !n.name) continue;
    const id = await semId(app, n);
    if (id) exposed.set(id, n);
  }
  const drawn = s.interactive;
  const missing = drawn.filter((id) => !exposed.has(id));
  const share = (drawn.length - missing.length) / drawn.length;
  app.check(drawn.length > 5 && share >= 0.95,
    `${step}: ${drawn.length - missing.length} of ${drawn.length} interactive widgets exposed with a role and a name` +
    (missing.length ? ` (missing: ${missing.slice(0, 5).join(', ')})` : ''));
  const foreign = [...exposed].filter(([id, n]) => !frenchName(n.name, id));
  app.check(foreign.length === 0, `${step}: every exposed name is French text (${foreign.slice(0, 3).map(([id, n]) => id + '=' + n.name).join(', ') || 'none odd'})`);
  const headings = nodes.filter((n) => n.role === 'heading');
  app.check(headings.some((n) => n.props.level === 1), `${step}: the step title is a level-1 heading (${headings.find((n) => n.props.level === 1)?.name})`);
  const landmarks = ['banner', 'navigation', 'main', 'complementary'].filter((r) => nodes.some((n) => n.role === r));
  app.check(landmarks.length === 4, `${step}: landmarks ${landmarks.join(', ')}`);
  // Every finding: its « Corriger » link names it, and its message is there as text to read.
  const texts = new Set(nodes.filter((n) => n.role === 'StaticText').map((n) => n.name));
  const fixes = nodes.filter((n) => n.role === 'link' && n.name.startsWith('Corriger : '));
  const unread = fixes.filter((n) => !texts.has(n.name.slice('Corriger : '.length)));
  app.check(fixes.length === s.findings.length && unread.length === 0,
    `${step}: the ${s.findings.length} findings are read, each message as text (${fixes.length} links, ${unread.length} unread)`);
  return nodes;
}

run('a11y_tree', async (app) => {
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();
  const cdp = await app.cdp();

  // --- the skip link: the first Tab stop, it takes the focus to the step's first widget ----------------
  await app.press('Tab');
  let focused = (await tree(app)).find((n) => n.props.focused && n.role !== 'RootWebArea');
  app.check(focused && focused.role === 'link' && focused.name === 'Aller au contenu',
    `the first Tab reaches the « Aller au contenu » link (${focused && focused.role} « ${focused && focused.name} »)`);
  await app.shot('a11y-skip-link');
  await app.press('Enter');
  focused = (await tree(app)).find((n) => n.props.focused && n.role !== 'RootWebArea');
  const inMain = await app.page.evaluate(() => !!document.activeElement.closest('main#contenu'));
  app.check(focused && focused.name === 'Pourquoi ?' && inMain,
    `… and Enter on it focuses the step's first widget, in the main content (${focused && focused.name})`);

  // --- every step: widgets, names, landmarks, findings ---------------------------------------------------
  const steps = ['besoin', 'sourcing', 'lots', 'objectifs', 'clauses', 'criteres', 'suivi', 'consultation', 'verification', 'export'];
  for (let i = 0; i < steps.length; i++) {
    await focus(app, 'button', new RegExp(`^Étape ${i + 1} : `));
    await app.press('Enter');
    const s = await app.state();
    app.check(s.step === steps[i], `Enter on the focused « Étape ${i + 1} » node opens ${steps[i]} (${s.step})`);
    app.check((await app.live()).includes(`Étape ${i + 1} sur ${steps.length}`), `the step change is announced (« ${await app.live()} »)`);
    await checkStep(app, steps[i]);
  }
  const current = (await tree(app)).find((n) => n.role === 'button' && n.name.startsWith(`Étape ${steps.length} `));
  const { node: currentDom } = await cdp.send('DOM.describeNode', { backendNodeId: current.backend });
  app.check(currentDom.attributes.includes('aria-current'), 'the current step is marked aria-current="step"');

  // --- an invalid field says why -------------------------------------------------------------------------
  await focus(app, 'button', /^Étape 1 : /);
  await app.press('Enter');
  const object = await find(app, 'textbox', 'Objet du marché');
  app.check(object && object.props.invalid === 'true' && /objet/i.test(object.description),
    `the empty « Objet du marché » is invalid, with the blocking point as its description (« ${object && object.description} »)`);

  // --- the need step filled through the tree only -----------------------------------------------------
  await focus(app, 'textbox', 'Nom du projet');
  const before = await app.live();
  await app.type('Cantine des écoles');
  app.check((await app.live()) === before, 'typing in a field announces nothing character by character');
  await app.press('Enter');
  await focus(app, 'textbox', 'Objet du marché');
  await app.type('Restauration scolaire bio et locale… ou équivalente');
  await app.press('Enter');
  await focus(app, 'combobox', 'Nature du marché');
  await app.press('Enter');
  const list = await find(app, 'listbox', 'Nature du marché');
  app.check(!!list, 'Enter opens the nature list, exposed as a list box');
  await focus(app, 'option', 'Services');
  await app.press('Enter');
  await focus(app, 'textbox', /^Montant estimé HT/);
  await app.type('150000');
  await app.press('Enter');
  await focus(app, 'checkbox', /^Le besoin a été questionné/);
  await app.press('Space');
  let s = await app.state();
  app.check(s.project.title === 'Cantine des écoles', `the title typed through the tree is in the project (« ${s.project.title} »)`);
  app.check(s.project.need.object === 'Restauration scolaire bio et locale… ou équivalente', `the object too (« ${s.project.need.object} »)`);
  app.check(s.project.need.nature === 'services', `the nature chosen in the list box (${s.project.need.nature})`);
  app.check(s.project.lots[0] && s.project.lots[0].value === 150000, `the amount (${s.project.lots[0] && s.project.lots[0].value})`);
  app.check(s.project.need.need_questioned === true, 'the check box ticked with Space');
  const box = await find(app, 'checkbox', /^Le besoin a été questionné/);
  app.check(box && box.props.checked === 'true', 'the check box is exposed as checked');
  const fixed = await find(app, 'textbox', 'Objet du marché');
  // (An <input> is exposed with invalid « false », a role="textbox" element with no such property.)
  app.check(fixed && [undefined, 'false'].includes(fixed.props.invalid), `the object is no longer invalid (${fixed && fixed.props.invalid})`);

  // A new blocking point is announced once: the object emptied again.
  await focus(app, 'textbox', 'Objet du marché');
  await app.page.keyboard.press('Control+A');
  await app.press('Backspace');
  app.check(/Nouveau point bloquant/.test(await app.live()), `a new blocking point is announced (« ${await app.live()} »)`);
  await app.type('Restauration scolaire');
  await app.press('Enter');

  // --- a clause chosen and added through the tree --------------------------------------------------------
  await focus(app, 'button', /^Étape 5 : /);
  await app.press('Enter');
  const clauses = (await tree(app)).filter((n) => n.role === 'option');
  app.check(clauses.length > 5, `the clause list is a list box of ${clauses.length} options`);
  const first = clauses.find((n) => !n.name.startsWith('✓'));
  await (await app.cdp()).send('DOM.focus', { backendNodeId: first.backend });
  await app.settle();
  await app.press('Enter');
  s = await app.state();
  app.check(s.selected_clause !== '', `Enter on a focused option selects the clause (${s.selected_clause})`);
  const chosen = await find(app, 'option', first.name);
  app.check(chosen && chosen.props.selected === true, 'the option is exposed as selected');
  await focus(app, 'button', 'Ajouter au projet');
  await app.press('Enter');
  s = await app.state();
  app.check(s.project.clauses.some((c) => c.id === s.selected_clause), `« Ajouter au projet » adds ${s.selected_clause} to the project`);
  // The clause's text is there to read, word for word what « Copier le texte » copies.
  await focus(app, 'button', 'Copier le texte');
  await app.press('Enter');
  const copied = (await app.page.evaluate(() => navigator.clipboard.readText())).replace(/\s+/g, ' ').trim();
  const nodes = await checkStep(app, 'clauses with a clause open');
  const texts = nodes.filter((n) => n.role === 'StaticText').map((n) => n.name.replace(/\s+/g, ' ').trim());
  app.check(copied.length > 50 && texts.includes(copied), `the selected clause's text is read as text (${copied.slice(0, 50)}…)`);

  // --- the right panel's tabs, and a dialog closed with Escape -------------------------------------------
  await focus(app, 'tab', 'Aperçu');
  await app.press('Enter');
  const preview = await find(app, 'tab', 'Aperçu');
  app.check(preview && preview.props.selected === true, 'the « Aperçu » tab is selected from the keyboard');
  const headings = (await tree(app)).filter((n) => n.role === 'heading' && n.props.level >= 2);
  app.check(headings.length > 5, `the document preview is read with its headings (${headings.length})`);
  await focus(app, 'button', 'Mes projets');
  await app.press('Enter');
  app.check(!!(await find(app, 'dialog', 'Mes projets')), '« Mes projets » opens as a dialog');
  await app.press('Escape');
  app.check(!(await find(app, 'dialog', 'Mes projets')), 'Escape closes it');
  focused = (await tree(app)).find((n) => n.props.focused && n.role !== 'RootWebArea');
  app.check(focused && focused.name === 'Mes projets', `… and the focus goes back to its button (${focused && focused.name})`);

  // The mirror follows by difference: frames that change nothing send nothing. The app is woken until it has
  // drawn five more frames (counted by its own frame counter, however slow the machine).
  const { mutations, frames } = await app.page.evaluate(() => new Promise((resolve) => {
    let count = 0;
    const frame = () => JSON.parse(Module.UTF8ToString(Module._clausier_state())).frame;
    const first = frame();
    const obs = new MutationObserver((m) => { count += m.length; });
    obs.observe(document.getElementById('clausier-semantics'), { subtree: true, childList: true, attributes: true, characterData: true });
    const wake = () => {
      if (frame() - first >= 5) { obs.disconnect(); resolve({ mutations: count, frames: frame() - first }); return; }
      window.clausierWake();
      requestAnimationFrame(() => setTimeout(wake, 0));
    };
    wake();
  }));
  app.check(frames >= 5 && mutations === 0, `${frames} frames that change nothing leave the mirror untouched (${mutations} mutations)`);
  app.checkNoNetwork();
});
