// text_input.js — text editing through the browser's own machinery (the approach of Flutter's web engine; egui's
// "text agent" is the minimal variant). While a text field of the app is edited, a real <input> (one-line
// fields) or <textarea> (multi-line fields) lies over the field drawn on the canvas, styled like it, lang="fr",
// with the browser's spell-check on prose fields. That element is the field's own node of the semantic mirror
// (web/semantics.js, Module.clausierSemantics.field(id)): the one a screen reader already knows, in its place in
// <main>, so that nothing enters or leaves the page when an edit starts (Orca then moved its focus away silently,
// and said « sortie du contenu principal » on elements outside <main>). When the edit ends it stays, transparent
// again, holding the field's value. A field with no node (the mirror not started yet) is edited in one of this
// script's own elements, put at the end of the page. The browser then does what it does in any page: AZERTY keys,
// dead keys, input methods (composition), dictation and virtual keyboards (insertText), paste from the
// keyboard or the context menu, selection, word jumps, its own undo. Every change of the element's text goes
// to the app (clausier_text_input), which stores it through the Session; a change of the field's value made
// elsewhere (undo, another tab) comes back through ClausierText.set().
//
// Linked with --pre-js (cmake/app.cmake): this code runs inside Emscripten's module, before the app starts.
// C++ side: src/platform/text_input.h. Public surface for other page scripts (e.g. a semantic DOM mirror):
//   window.clausierText.focus(id)  — edit the field with automation id `id` (docs/automation.md): the app
//                                    scrolls to it and the DOM element appears over it, focused.
//   window.clausierText.element()  — the element being edited, or null.
//   window.clausierText.editing()  — the automation id being edited, or "".
var ClausierText = (function () {
  var state = { serial: 0, id: '', el: null, composing: false, oneLine: true };
  var elements = {};

  function canvas() { return document.getElementById('canvas'); }

  // The element is left: told to the app at once (Firefox sends no blur event while its window is not the
  // focused one), then the blur follows.
  function left() {
    if (state.el) Module.ccall('clausier_text_blur', null, ['number'], [state.serial]);
  }
  function leave() {
    left();
    canvas().focus();
  }
  // A press anywhere else in the page leaves the element.
  document.addEventListener('mousedown', function (ev) { if (state.el && ev.target !== state.el) left(); }, true);
  // A right-click on a field not being edited: the app starts its edit within this event, so the context menu
  // that follows opens on the field's DOM element (« Coller », spelling suggestions) and not on the canvas.
  document.addEventListener('mousedown', function (ev) {
    if (ev.button !== 2 || ev.target !== canvas() || !Module._clausier_text_press) return;
    if (!Module._clausier_text_press(ev.clientX, ev.clientY)) return;
    ev.preventDefault();   // the focus stays on the field
    // The caret where the button was pressed, as a click puts it (never the whole text selected: « Coller »
    // would replace it).
    var el = state.el, at = document.caretPositionFromPoint && document.caretPositionFromPoint(ev.clientX, ev.clientY);
    var i = at && at.offsetNode === el ? at.offset : el.value.length;
    el.setSelectionRange(i, i);
  }, true);

  // The look of an element being edited, besides what place() sets: the field's frame, font and wrapping.
  var LOOK = { 'box-sizing': 'border-box', margin: '0', outline: 'none', resize: 'none', overflow: 'auto',
    'pointer-events': 'auto', 'font-family': 'ClausierText,"DejaVu Sans",sans-serif', 'border-style': 'solid',
    'border-radius': '4px', 'white-space': 'pre-wrap', 'overflow-wrap': 'break-word' };
  // What place() sets but the position: taken off a mirrored node when its edit ends.
  var PLACED = ['font-size', 'line-height', 'padding', 'color', 'background', 'border-color', 'border-width',
    'caret-color', 'clip-path'];
  function mirror() { return Module.clausierSemantics; }

  // Sends the element's text to the app (not while an input method composes: the composed text comes at its end).
  function send() {
    if (!state.el || state.composing) return;
    Module.ccall('clausier_text_input', null, ['number', 'string'], [state.serial, state.el.value]);
  }

  // One-line fields: line breaks of a pasted text become one space (an <input> would silently drop them and
  // glue the words: « locaux\net de » must not become « locauxet de »).
  function pasteOneLine(ev) {
    ev.stopPropagation();   // the page's own paste handler serves the canvas, not this element
    if (!state.oneLine) return;
    var text = (ev.clipboardData || window.clipboardData).getData('text/plain');
    if (!/[\r\n\u000b\u000c\u0085\u2028\u2029]/.test(text)) return;
    ev.preventDefault();
    insert(text.replace(/[ \t]*[\r\n\u000b\u000c\u0085\u2028\u2029]+[ \t]*/g, ' '));
  }

  // Inserts text at the selection as typing would (kept in the element's own undo history where the browser can).
  function insert(text) {
    var el = state.el;
    if (!document.execCommand || !document.execCommand('insertText', false, text)) {
      el.setRangeText(text, el.selectionStart, el.selectionEnd, 'end');
      el.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: text, bubbles: true }));
    }
  }

  function keydown(ev) {
    // AltGr on Windows arrives as Ctrl+Alt with the character (@ € # [ ] { } | \ ^ ~): a character, never a
    // shortcut. Some browsers (Chromium on Linux) insert nothing for a key event carrying Ctrl: insert it here.
    if (ev.ctrlKey && ev.altKey && !ev.metaKey && !ev.isComposing && ev.key && [...ev.key].length === 1 && ev.key >= ' ') {
      ev.preventDefault();
      insert(ev.key);
      return;
    }
    if (ev.key === 'Escape' || (ev.key === 'Enter' && state.oneLine && !ev.isComposing)) {
      ev.preventDefault();
      leave();
    }
  }

  // Makes `el` (an <input> or <textarea>) an element fields are edited in: French, and its events handled while
  // it is the one being edited (a mirrored node not being edited is left to the page).
  function equip(el) {
    if (el.clausierEquipped) return;
    el.clausierEquipped = true;
    el.lang = 'fr';
    el.autocomplete = 'off';
    el.setAttribute('autocapitalize', 'sentences');
    var mine = function (f) { return function (ev) { if (el === state.el) f(ev); }; };
    el.addEventListener('input', mine(function (ev) { if (!ev.isComposing) send(); }));
    el.addEventListener('compositionstart', mine(function () { state.composing = true; }));
    el.addEventListener('compositionend', mine(function () { state.composing = false; send(); }));
    el.addEventListener('keydown', mine(keydown));
    el.addEventListener('paste', mine(pasteOneLine));
    el.addEventListener('blur', mine(left));
    // The canvas below gets no wheel from here: what the element does not scroll itself goes on to the form.
    el.addEventListener('wheel', mine(function (ev) {
      var room = ev.deltaY < 0 ? el.scrollTop : el.scrollHeight - el.clientHeight - el.scrollTop;
      if (el.tagName === 'INPUT' || room <= 0) canvas().dispatchEvent(new WheelEvent('wheel', ev));
    }), { passive: true });
  }

  // One of this script's own elements, for a field with no mirrored node.
  function make(tag, suffix) {
    var el = document.createElement(tag);
    el.id = 'clausier-text-' + tag + (suffix || '');
    el.style.cssText = 'position:fixed;left:0;top:0;width:0;height:0;display:none;z-index:2;';
    for (var k in LOOK) el.style.setProperty(k, LOOK[k]);
    if (tag === 'input') el.type = 'text';
    equip(el);
    document.body.appendChild(el);
    return el;
  }

  function element(tag) { return elements[tag] || (elements[tag] = make(tag)); }
  // The element for a new edit. Going from one field to the next (Tab) must move the DOM focus to another element:
  // refocusing the same one sends no focus event, and a screen reader then says nothing of the new field (Orca was
  // silent on every Tab between two one-line fields). Two elements of each kind take turns.
  function next(tag) {
    var el = element(tag);
    return el !== state.el ? el : elements[tag + '2'] || (elements[tag + '2'] = make(tag, '2'));
  }
  // The mirrored node of field `id` when it is the element such a field is edited in, else null.
  function node(id, multiline) {
    var el = mirror() && mirror().field(id);
    return el && el.tagName === (multiline ? 'TEXTAREA' : 'INPUT') ? el : null;
  }
  // `el` is about to be edited: seen, over its field.
  function show(el) {
    if (!el.dataset.semId) { el.style.display = 'block'; return; }
    for (var k in LOOK) el.style.setProperty(k, LOOK[k]);
    el.setAttribute('data-editing', '');   // the mirror's containers do not clip it
  }
  // `el` is no longer edited: one of this script's elements goes away; a mirrored node stays where it is, with
  // the mirror's look (transparent) and the model's value.
  function hide(el) {
    if (!el.dataset.semId) { el.style.display = 'none'; return; }
    el.removeAttribute('data-editing');
    for (var k in LOOK) el.style.removeProperty(k);
    PLACED.forEach(function (p) { el.style.removeProperty(p); });
    if (mirror()) mirror().settle(el);
  }

  return {
    // Starts editing the field `id` with `text`; returns the serial of this edit (events of an older one are ignored).
    begin: function (id, text, multiline, spellcheck, selectAll, label) {
      var el = node(id, multiline) || next(multiline ? 'textarea' : 'input');
      var old = state.el;
      state.serial++;
      state.id = id;
      state.oneLine = !multiline;
      state.composing = false;
      state.el = el;
      equip(el);
      if (el.value !== text) el.value = text;
      el.spellcheck = !!spellcheck;
      if (!el.dataset.semId) el.setAttribute('aria-label', label);   // a node has its name from the mirror
      el.dataset.field = id;
      show(el);
      el.focus({ preventScroll: true });   // a node a screen reader focused has it already: no event then
      // Hidden only once the new element has the focus: a focused element that disappears makes Orca move its
      // own focus to the next element in the page, silently, and then say nothing when the focus event comes.
      if (old && old !== el) hide(old);
      if (selectAll) el.select();
      else el.setSelectionRange(text.length, text.length);
      return state.serial;
    },
    // Places the element over the field (CSS pixels), clipped to the visible part of its window, styled like it.
    place: function (x, y, w, h, clipL, clipT, clipR, clipB, fontPx, padX, padY, fg, bg, border) {
      var el = state.el;
      if (!el) return;
      var s = el.style;
      s.left = x + 'px'; s.top = y + 'px'; s.width = w + 'px'; s.height = h + 'px';
      // The canvas's line is the font's ascent + descent (DejaVu Sans: 1.164 em): the same text size and line here.
      s.fontSize = (fontPx / 1.164) + 'px';
      s.lineHeight = fontPx + 'px';
      s.padding = Math.max(0, padY - 2) + 'px ' + Math.max(0, padX - 2) + 'px';
      s.color = fg; s.background = bg; s.borderColor = border; s.borderWidth = '2px';
      s.caretColor = fg;
      var inset = [Math.max(0, clipT - y), Math.max(0, x + w - clipR), Math.max(0, y + h - clipB), Math.max(0, clipL - x)];
      // Clipped, never hidden: a field scrolled out of view keeps the keyboard, as in any page.
      s.clipPath = 'inset(' + inset.join('px ') + 'px)';
    },
    // The field's value changed elsewhere (undo, another tab): show it, unless an input method is composing.
    set: function (serial, text) {
      if (serial !== state.serial || !state.el || state.composing || state.el.value === text) return;
      state.el.value = text;
      state.el.setSelectionRange(text.length, text.length);
    },
    // Ends the edit: the element goes away (a mirrored node stays, transparent) and the canvas takes the keyboard
    // back; a mirrored node keeps the focus, which the mirror then moves to the widget the app focused (going
    // through the canvas, outside <main>, a screen reader would say the focus left the main content).
    end: function (serial) {
      if (serial !== state.serial || !state.el) return;
      var el = state.el;
      state.el = null;
      state.id = '';
      state.composing = false;
      if (document.activeElement === el && !el.dataset.semId) canvas().focus();
      hide(el);
    },
    // The font the canvas draws with, so that the element's text looks and wraps the same.
    font: function (bytes) {
      try {
        var face = new FontFace('ClausierText', bytes);
        face.load().then(function (f) { document.fonts.add(f); }, function () {});
      } catch (e) { /* the browser's sans-serif then */ }
    },
    focus: function (id) {
      Module.ccall('clausier_text_focus', null, ['string'], [String(id)]);
    },
    element: function () { return state.el; },
    editing: function () { return state.id; },
  };
})();
if (typeof window !== 'undefined') window.clausierText = ClausierText;
