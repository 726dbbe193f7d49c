// What a screen reader on Linux gets (issue 17): not Chromium's internal tree (a11y_tree.test.mjs reads that through
// CDP) but the platform accessibility API, AT-SPI2, and the screen reader Orca itself.
// Debian's Chromium runs with a window (not headless: a headless browser exposes nothing to AT-SPI) on a virtual X
// display of its own, in a desktop session of its own (home, D-Bus session bus through which the AT-SPI bus and
// registry are activated), with ACCESSIBILITY_ENABLED=1 and --force-renderer-accessibility, in French.
//  1. pyatspi (tests/browser/atspi.py, the binding Orca uses) reads the need step: fields, buttons, lists, headings
//     with their roles and French names, an invalid field with its message, every finding's message as text; then
//     acts as a screen reader does: the « press » action of a mirrored button changes the step, a clause is chosen
//     and added with actions and its text is read as text, grabFocus() on a mirrored field and key events
//     through the X server (xdotool) edit the project.
//  2. Orca 43 runs on that session with its speech sent to its debug log (speech output off: no audio here; what
//     it would say is logged the same): Tab through the need step, Orca says each field's French name and role
//     (« Objet du marché zone de saisie »), once on Tab into the multi-line « Description du besoin », never
//     « sortie du contenu principal » between the fields, and typing in a field is not read back by the page.
// Prints SKIPPED when Xvfb, dbus-daemon, python3-pyatspi, xdotool or orca is missing (scripts/install-deps --browser).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';
import { startXvfb } from './firefox.mjs';
import { appIn, run } from './lib.mjs';

const here = new URL('.', import.meta.url).pathname;
const needed = ['/usr/bin/Xvfb', '/usr/bin/dbus-daemon', '/usr/bin/xdotool', '/usr/bin/orca',
  '/usr/lib/python3/dist-packages/pyatspi/__init__.py'];

// The French locale, compiled once into the build cache (glibc reads it through LOCPATH): Orca speaks role names
// in the session's language, and a fresh Debian machine has no fr_FR.UTF-8 generated.
function frenchLocale() {
  const dir = resolve('build/cache/locale');
  if (!existsSync(join(dir, 'fr_FR.UTF-8', 'LC_MESSAGES'))) {
    mkdirSync(dir, { recursive: true });
    const r = spawnSync('localedef', ['-i', 'fr_FR', '-f', 'UTF-8', join(dir, 'fr_FR.UTF-8')], { encoding: 'utf8' });
    if (r.status !== 0 && !existsSync(join(dir, 'fr_FR.UTF-8', 'LC_MESSAGES'))) throw new Error('localedef fr_FR.UTF-8: ' + r.stderr);
  }
  return dir;
}

// A desktop session of its own: a home (dconf and Orca write their settings there, never in the user's), an X
// display, a D-Bus session bus (the AT-SPI bus and registry are activated through it).
async function startDesktop() {
  const home = mkdtempSync(join(tmpdir(), 'clausier-sr-'));
  for (const d of ['config', 'data', 'cache', 'run']) mkdirSync(join(home, d));
  chmodSync(join(home, 'run'), 0o700);
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'),
    XDG_CACHE_HOME: join(home, 'cache'), XDG_RUNTIME_DIR: join(home, 'run'), ACCESSIBILITY_ENABLED: '1',
    LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr', LOCPATH: frenchLocale() };
  delete env.LC_ALL;
  const { display, xvfb } = await startXvfb();
  env.DISPLAY = display;
  const dbus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  env.DBUS_SESSION_BUS_ADDRESS = await new Promise((resolve, reject) => {
    let out = '';
    dbus.stdout.on('data', (d) => { out += d; if (out.includes('\n')) resolve(out.trim()); });
    dbus.on('exit', (code) => reject(new Error('dbus-daemon exited with ' + code)));
  });
  // GNOME's accessibility switch, which toolkits and Orca read (in this session's own dconf).
  spawnSync('gsettings', ['set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'], { env });
  return { env, home, xvfb, dbus };
}

// The AT-SPI reader: one python3 process (atspi.py) for the whole test, one JSON line each way.
function startReader(env) {
  const proc = spawn('/usr/bin/python3', [join(here, 'atspi.py')], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting = [];
  createInterface({ input: proc.stdout }).on('line', (l) => waiting.shift()(JSON.parse(l)));
  return {
    proc,
    ask(req) {
      return new Promise((resolve) => {
        waiting.push(resolve);
        proc.stdin.write(JSON.stringify({ title: 'Clausier', ...req }) + '\n');
      });
    },
  };
}

async function launchDesktopChromium({ width = 1280, height = 800 } = {}) {
  const desk = await startDesktop();
  let context;
  try {
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'clausier-chromium-')), {
      executablePath: '/usr/bin/chromium', headless: false, env: desk.env, viewport: { width, height },
      args: ['--force-renderer-accessibility', '--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
        '--disable-quic', '--disable-default-apps', '--disable-extensions', '--no-default-browser-check',
        '--disable-features=Translate', '--window-position=0,0', `--window-size=${width},${height + 140}`],
    });
  } catch (e) {
    desk.dbus.kill();
    desk.xvfb.kill();
    throw e;
  }
  const app = await appIn(context);
  app.desk = desk;
  app.reader = startReader(desk.env);
  const close = app.close.bind(app);
  app.close = async () => {
    if (app.orca) app.orca.kill('SIGKILL');
    await close().catch(() => {});
    app.reader.proc.kill();
    desk.dbus.kill();
    desk.xvfb.kill();
    rmSync(desk.home, { recursive: true, force: true });
  };
  return app;
}

// Polls `fn` until it returns something truthy (up to `ms`): the test waits for what the browser, the reader or
// Orca did, never for a delay. A timeout is a failed check naming `what`.
async function until(app, what, fn, ms = 30000) {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > ms) { app.check(false, `timed out after ${ms} ms waiting until ${what}`); return v; }
    await app.pause(100);
  }
}

// The document's objects as AT-SPI gives them, once `pred` holds for them.
async function tree(app, what, pred = () => true) {
  return until(app, what, async () => {
    const t = await app.reader.ask({ cmd: 'tree' });
    return t.nodes && pred(t.nodes) ? t.nodes : null;
  }) || [];
}

async function act(app, role, name, action) {
  const r = await app.reader.ask({ cmd: 'act', role, name, action });
  app.check(r.done, `the « ${action} » action of the ${role} « ${name} » is done (${r.error || 'ok'})`);
}

function xdotool(app, ...args) {
  const r = spawnSync('xdotool', args, { env: app.desk.env, encoding: 'utf8' });
  if (r.status !== 0) app.check(false, `xdotool ${args.join(' ')}: ${r.stderr}`);
}

// Types `text` (ASCII) as key presses through the X server, which the browser receives as from a keyboard.
// (Xvfb here keeps its US keymap whatever setxkbmap asks, and `xdotool type` then remaps spare key codes for
// other characters, which Chromium reads unreliably: French characters are typed through CDP in typing.test.mjs.)
function typeKeys(app, text) {
  xdotool(app, 'type', '--delay', '40', text);
}

// Orca's utterances so far: the « SPEECH OUTPUT: '…' » lines of its debug log.
function spoken(app) {
  const log = existsSync(app.orcaLog) ? readFileSync(app.orcaLog, 'utf8') : '';
  return [...log.matchAll(/SPEECH OUTPUT: '(.*)'\s*(?:\{.*\})?$/gm)].map((m) => m[1].trim());
}

const named = (nodes, role, name) => nodes.find((n) => n.role === role && (name instanceof RegExp ? name.test(n.name) : n.name === name));

const missing = needed.filter((f) => !existsSync(f));
if (missing.length) {
  console.log(`screen_reader: SKIPPED — ${missing.join(', ')} not installed (scripts/install-deps --browser installs them)`);
  process.exit(0);
}

run('screen_reader', async (app) => {
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();
  // The browser's window has the X input focus and its page the browser's focus, as after a user opens the page.
  xdotool(app, 'search', '--onlyvisible', '--class', 'chromium', 'windowfocus');
  await app.page.bringToFront();

  // --- 1. the need step through AT-SPI -----------------------------------------------------------------------
  // The findings come from the derived data, computed after the step's first frame: wait until the tree shows
  // them (one « Corriger » link per finding, the empty object marked invalid) before reading it.
  const s0 = await app.state();
  const analysed = (ns) => named(ns, 'heading', /Définir le besoin/) &&
    ns.filter((n) => n.role === 'link' && n.name.startsWith('Corriger : ')).length === s0.findings.length &&
    (named(ns, 'entry', 'Objet du marché')?.states || []).includes('invalid');
  let nodes = await tree(app, 'AT-SPI shows the need step with its findings', analysed);
  const title = nodes.find((n) => n.role === 'heading' && n.level === 1);
  app.check(title && /Définir le besoin/.test(title.name), `the step title is a level-1 heading (« ${title && title.name} »)`);
  const expected = [['entry', 'Nom du projet'], ['entry', 'Objet du marché'], ['entry', 'Description du besoin'],
    ['combo box', 'Nature du marché'], ['entry', /^Montant estimé HT/], ['check box', /^Le besoin a été questionné/],
    ['push button', /^Étape 5 : Clauses/], ['push button', 'Mes projets'], ['push button', 'Étape suivante'],
    ['link', 'Aller au contenu'], ['page tab', 'Vigilance'], ['landmark', 'Étapes'], ['heading', 'Valeur estimée']];
  const absent = expected.filter(([role, name]) => !named(nodes, role, name));
  app.check(absent.length === 0, `the need step's widgets have their AT-SPI roles and French names (missing: ${absent.map((e) => e.join(' ')).join(', ') || 'none'})`);
  const projectName = named(nodes, 'entry', 'Nom du projet');
  app.check(projectName && projectName.text === s0.project.title && projectName.states.includes('focusable'),
    `a field's value is its text (« ${projectName && projectName.text} »)`);
  const described = named(nodes, 'entry', 'Description du besoin');
  app.check(described && described.states.includes('multi-line'), 'a multi-line field is multi-line');
  const object = named(nodes, 'entry', 'Objet du marché');
  app.check(object && object.states.includes('invalid') && /objet du marché/i.test(object.description),
    `the empty « Objet du marché » is an invalid entry whose description is the blocking point (« ${object && object.description.slice(0, 50)}… »)`);
  // As many focusable objects as the app draws interactive widgets (the skip link is the page's own).
  const focusable = nodes.filter((n) => n.states && n.states.includes('focusable') && n.name !== 'Aller au contenu');
  app.check(focusable.length >= 0.95 * s0.interactive.length && focusable.every((n) => n.name),
    `${focusable.length} focusable objects with a name for ${s0.interactive.length} interactive widgets drawn`);
  // Each finding: its « Corriger » link is named after it and its message is a paragraph to read.
  const paragraphs = new Set(nodes.filter((n) => n.role === 'paragraph').map((n) => n.text));
  const fixes = nodes.filter((n) => n.role === 'link' && n.name.startsWith('Corriger : '));
  const unread = fixes.filter((n) => !paragraphs.has(n.name.slice('Corriger : '.length)));
  app.check(fixes.length === s0.findings.length && unread.length === 0,
    `the ${s0.findings.length} findings' messages are paragraphs and their « Corriger » links are named after them (${fixes.length} links, ${unread.length} unread)`);

  // --- actions: what Orca's « activate » and focus moves do -----------------------------------------------------
  await act(app, 'check box', 'Le besoin a été questionné…', 'check');
  let s = await app.waitState((st) => st.project.need.need_questioned === true, 'the check box is ticked');
  app.check(s.project.need.need_questioned === true, 'the check box\'s « check » action ticks it in the project');
  nodes = await tree(app, 'AT-SPI shows the box checked', (ns) => (named(ns, 'check box', /^Le besoin a été questionné/)?.states || []).includes('checked'));

  await app.reader.ask({ cmd: 'focus', role: 'entry', name: 'Objet du marché' });
  const focused = await until(app, 'the focus is in the object field', async () => {
    const f = await app.reader.ask({ cmd: 'focused' });
    return f.role === 'entry' && f.name === 'Objet du marché' ? f : null;
  });
  app.check(!!focused, 'grabFocus() on the mirrored « Objet du marché » puts the focus in an entry of that name');
  typeKeys(app, 'Restauration scolaire bio');
  xdotool(app, 'key', 'Return');
  s = await app.waitState((st) => st.project.need.object === 'Restauration scolaire bio', 'the object typed is in the project');
  app.check(s.project.need.object === 'Restauration scolaire bio',
    `keys typed through the X server after grabFocus() are in the project (« ${s.project.need.object} »)`);

  await act(app, 'push button', 'Étape 5 : Clauses…', 'press');
  s = await app.waitState((st) => st.step === 'clauses', 'the clause step opens');
  app.check(s.step === 'clauses', `the « press » action of « Étape 5 » opens the clause step (${s.step})`);
  nodes = await tree(app, 'AT-SPI shows the clause list', (ns) => ns.filter((n) => n.role === 'list item').length > 5);
  const clause = nodes.find((n) => n.role === 'list item' && !n.name.startsWith('✓'));
  const before = s.project.clauses.length;
  for (const [role, name, action] of [['list item', clause.name, 'select'], ['push button', 'Ajouter au projet', 'press']]) {
    if (role === 'push button') await tree(app, 'the clause is open', (ns) => named(ns, role, name));
    await act(app, role, name, action);
    await app.settle();
  }
  s = await app.waitState((st) => st.project.clauses.length > before, 'the clause is added');
  app.check(s.selected_clause && s.project.clauses.some((c) => c.id === s.selected_clause),
    `a clause chosen and added with AT-SPI actions is in the project (${s.selected_clause})`);
  await act(app, 'push button', 'Copier le texte', 'press');
  const copied = await until(app, 'the clause is copied', async () => (await app.page.evaluate(() => navigator.clipboard.readText())).trim());
  nodes = await tree(app, 'AT-SPI shows the clause text');
  const flat = (t) => (t || '').replace(/\s+/g, ' ').trim();
  app.check(copied.length > 50 && nodes.some((n) => n.role === 'paragraph' && flat(n.text) === flat(copied)),
    `the selected clause's text is a paragraph, word for word what « Copier le texte » copies (${flat(copied).slice(0, 40)}…)`);

  // --- 2. Orca on the need step -------------------------------------------------------------------------------
  await act(app, 'push button', 'Étape 1 : Besoin…', 'press');
  await app.waitState((st) => st.step === 'besoin', 'the need step opens');
  // Orca refuses to start beside another Orca of the same user (its launcher asks `pgrep -u UID -x orca`), and its
  // --replace would kill that one: when another suite runs on this machine, wait for its Orca to end (it lives for
  // the half-minute of that suite's screen-reader test).
  const otherOrcas = () => spawnSync('pgrep', ['-u', String(process.getuid()), '-x', 'orca'], { encoding: 'utf8' }).stdout.trim();
  if (!await until(app, 'no other Orca of this user runs', () => !otherOrcas(), 600000)) return;
  // Orca starts with the focus on the step's first widget (« Pourquoi ? »); what it says first (the window) is the
  // sign that it listens.
  await app.reader.ask({ cmd: 'focus', role: 'push button', name: 'Pourquoi ?' });
  app.orcaLog = join(app.desk.home, 'orca.debug');
  // Orca loads orca-customizations.py from its settings folder: there its debug log is made line-buffered, so
  // that each utterance is in the file as soon as Orca has composed it (Python buffers 8 KB otherwise).
  const prefs = join(app.desk.home, 'orca');
  mkdirSync(prefs);
  writeFileSync(join(prefs, 'orca-customizations.py'),
    'from orca import debug\nif debug.debugFile:\n    debug.debugFile.reconfigure(line_buffering=True)\n');
  app.orca = spawn('orca', ['--disable', 'speech,braille', '--user-prefs', prefs, '--debug-file', app.orcaLog],
    { env: app.desk.env, stdio: 'ignore' });
  await until(app, 'Orca presents the page', () => spoken(app).length > 0, 120000);
  // Then Tab: Orca says each widget the keyboard reaches, in French.
  const heard = async (mark, re, what) => {
    const said = await until(app, `Orca says ${what}`, () => spoken(app).slice(mark).find((u) => re.test(u)));
    app.check(!!said, `Orca says ${what} (« ${said} »)`);
  };
  let mark;
  const fieldsStart = spoken(app).length;
  // Two one-line fields in a row: the second is said too (it was not while the text overlay refocused one element).
  // Orca speaks on the DOM focus, which can come a frame before the app starts the field's edit: the next key
  // waits for the edit (in one run under load Orca said nothing on the next Tab, and the keys typed after it never
  // reached « Objet du marché »).
  for (const [id, name] of [['besoin.title', 'Nom du projet'], ['besoin.object', 'Objet du marché']]) {
    mark = spoken(app).length;
    xdotool(app, 'key', 'Tab');
    await heard(mark, new RegExp(`^${name} zone de saisie`), `« ${name} zone de saisie » on Tab`);
    await until(app, `the edit of « ${name} » starts`, () => app.page.evaluate((f) => window.clausierText.editing() === f, id));
  }
  // Typing: Orca echoes the keys (its own setting), the page says nothing. Orca handles events in order: once it
  // has echoed the Tab that follows the typing, it has handled everything the typing caused.
  xdotool(app, 'key', 'End');
  mark = spoken(app).length;
  typeKeys(app, ' sans plastique');
  s = await app.waitState((st) => st.project.need.object === 'Restauration scolaire bio sans plastique', 'the object typed is in the project');
  xdotool(app, 'key', 'Tab');
  await until(app, 'Orca echoes the Tab after the typing', () => spoken(app).slice(mark).includes('tabulation'));
  const during = spoken(app).slice(mark);
  const typed = during.slice(0, during.indexOf('tabulation'));
  const repeated = typed.filter((u) => u.length > 1 && !/^(espace|maj gauche|fin)$/.test(u));
  app.check(s.project.need.object === 'Restauration scolaire bio sans plastique' && typed.length > 5 && repeated.length === 0,
    `typing with Orca on: only Orca's key echo, the page reads nothing back (heard: ${typed.join(' | ')})`);
  // That Tab went from the one-line « Objet du marché » into the multi-line « Description du besoin »: Orca says the
  // field (it was sometimes silent there while the editing elements were others than the fields' nodes).
  const DESCRIPTION = /^Description du besoin zone de saisie/;
  await heard(mark, DESCRIPTION, '« Description du besoin zone de saisie » on Tab from « Objet du marché »');
  const description = mark + spoken(app).slice(mark).findIndex((u) => DESCRIPTION.test(u));
  // From « Pourquoi ? » to there the focus never left the main content (Orca said so when an editing element
  // outside <main> took the focus).
  const hops = spoken(app).slice(fieldsStart, description + 1);
  const leaving = hops.filter((u) => /sortie du contenu principal/i.test(u));
  app.check(leaving.length === 0, `Orca never says « sortie du contenu principal » between the need step's fields (${hops.join(' | ')})`);
  // --- 3. Orca's browse mode: the virtual cursor reads the clause text ----------------------------------------
  // On the clause step no text field has the focus: Orca is in browse mode there, and its « p » (next paragraph)
  // walks the page's paragraphs until the selected clause's text, which no Tab reaches.
  const projectBefore = (await app.state()).project;
  await act(app, 'push button', 'Étape 5 : Clauses…', 'press');
  await app.waitState((st) => st.step === 'clauses', 'the clause step opens');
  // Orca says things in the order they came: once it has said the step's button, it has said all the Tab into
  // the description caused, and the description was said once.
  await until(app, 'Orca says « Étape 5 »', () => spoken(app).slice(description).some((u) => /^Étape 5/.test(u)));
  const afterTab = spoken(app).slice(description);
  const again = afterTab.slice(0, afterTab.findIndex((u) => /^Étape 5/.test(u))).filter((u) => DESCRIPTION.test(u));
  app.check(again.length === 1, `Orca says « Description du besoin » once on that Tab (${again.length} times)`);
  const clauseStart = flat(copied).slice(0, 60);
  let read = '';
  for (let i = 0; i < 40 && !read; i++) {
    mark = spoken(app).length;
    xdotool(app, 'key', 'p');
    // Orca echoes the key, then says the paragraph (or that there is none further).
    await until(app, 'Orca says where « p » went', () => spoken(app).slice(mark).some((u) => u !== 'p'));
    read = spoken(app).slice(mark).find((u) => flat(u).includes(clauseStart)) || '';
  }
  s = await app.state();
  app.check(read !== '' && s.step === 'clauses', `in browse mode, Orca's « p » reaches the clause text and reads it (« ${flat(read).slice(0, 60)}… »)`);
  app.check(JSON.stringify(s.project) === JSON.stringify(projectBefore), 'the « p » keys moved the virtual cursor and typed nothing into the project');
  app.checkNoNetwork();
}, {}, launchDesktopChromium);
