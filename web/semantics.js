// web/semantics.js — the page side of the semantic mirror (src/ui/semantics.h), an Emscripten JS library.
// The app draws on a canvas, which screen readers cannot read; beside it this keeps a tree of visually hidden
// DOM nodes with ARIA roles, French names, values and states, in reading order (the idea of Flutter's web
// engine semantics tree). The C++ side sends, once per frame that changed something, only the difference:
//   {"o":"s", id, p, r, n, v, d, s, l, b}  create or update node `id` under `p` ("" = root): role `r`, name `n`,
//                                       value `v`, description `d`, states `s` (bits of SemState), level `l`,
//                                       `b` = [x, y, w, h] where the widget is drawn on the canvas (CSS pixels)
//   {"o":"o", p, ids}                   the children of `p` in reading order
//   {"o":"g", ids, b}                   the nodes `ids` only moved: `b` holds their rectangles, four numbers each
//   {"o":"d", id}                       node `id` is gone
//   {"o":"f", id}                       the app's keyboard focus is on widget `id`: the DOM focus follows it,
//                                       unless something outside the mirror has it (the file picker)
// A text field's node is a real <input> (one line) or <textarea> (multi-line), and it is the element the field is
// edited in: when the field gets the keyboard (Tab, a screen reader's focus, a click), web/text_input.js takes
// that node as its editing element (field(id) below) and styles it like the field over the canvas. Nothing
// enters or leaves the page when an edit starts, so a screen reader's focus stays where it was: Orca, which took a
// node leaving the tree beside its focus for a stale copy of it, moved its own focus away silently, and said
// nothing on Tab into « Description du besoin ». While its field is edited the node's value is the user's: the
// mirror leaves it (and its selection) alone, and gives it the model's value again when the edit ends.
// Back to the app: focusing a node (a screen reader's focus, CDP DOM.focus) gives the widget the keyboard focus
// (clausier_sem_focus); clicking it (a screen reader's « activate ») acts on the widget (clausier_sem_activate).
// Keys are not handled here: the app reads them on the window, whichever node has the DOM focus.
// Each node lies over its widget (position: fixed at the widget's rectangle), transparent and letting the pointer
// through to the canvas: screen magnifiers follow the focused node and touch exploration finds the node under the
// finger. Containers and nodes with no rectangle stay visually hidden (a 1-pixel clipped box).
mergeInto(LibraryManager.library, {
  clausier_semantics_apply: function (ptr, size) {
    if (!Module.clausierSemantics) {
      Module.clausierSemantics = (function () {
        var CHECKED = 1, EXPANDED = 2, SELECTED = 4, DISABLED = 8, INVALID = 16, CURRENT = 32, MULTILINE = 64, FOLDABLE = 128;
        var TAGS = { button: 'button', link: 'a', text: 'p', banner: 'header', navigation: 'nav', main: 'main',
                     complementary: 'aside', region: 'section' };
        // A text field is an <input> or <textarea> (its role is the element's own), never read-only (Orca would say
        // « lecture seule »); it takes typing only while web/text_input.js edits it (no second editable copy).
        var ARIA = { checkbox: 'checkbox', combobox: 'combobox', option: 'option', tab: 'tab',
                     listbox: 'listbox', tablist: 'tablist', tabpanel: 'tabpanel', group: 'group', dialog: 'dialog' };
        var INTERACTIVE = { button: 1, link: 1, textbox: 1, checkbox: 1, combobox: 1, option: 1, tab: 1 };
        var nodes = new Map();
        var echo = false;    // true while this script moves the focus itself
        var descriptions = 0;
        var root = document.createElement('div');
        root.id = 'clausier-semantics';
        // Nodes are transparent boxes over their widgets; the canvas under them takes the pointer and draws the focus.
        var style = document.createElement('style');
        style.textContent =
          // Above the canvas: a text field's node being edited is seen and takes the pointer.
          '#clausier-semantics{position:fixed;left:0;top:0;width:0;height:0;overflow:visible;pointer-events:none;z-index:1}' +
          '#clausier-semantics [data-sem-id]{position:fixed;left:0;top:0;width:1px;height:1px;margin:0;padding:0;' +
          'border:0;background:transparent;color:transparent;outline:none;overflow:hidden;white-space:nowrap;' +
          'font-size:1px;line-height:1;box-sizing:border-box;pointer-events:none;-webkit-appearance:none;appearance:none}' +
          // A container holding the text field being edited (data-editing, set by web/text_input.js) clips nothing.
          '#clausier-semantics [data-sem-id]:not([data-placed]):not(:has([data-editing])){clip-path:inset(50%)}';
        document.head.appendChild(style);
        var notes = document.createElement('div');   // descriptions (aria-describedby targets), never read as text
        notes.hidden = true;
        document.body.insertBefore(root, document.body.firstChild);
        document.body.appendChild(notes);

        function idOf(el) { return el && el.dataset ? el.dataset.semId : undefined; }
        function tagOf(n) {
          if (n.r === 'heading') return 'h' + Math.min(6, Math.max(1, n.l));
          if (n.r === 'textbox') return n.s & MULTILINE ? 'textarea' : 'input';
          return TAGS[n.r] || 'div';
        }
        function create(n) {
          var el = document.createElement(tagOf(n));
          el.dataset.semId = n.id;
          el.dataset.semKind = tagOf(n) + ':' + n.r;
          if (ARIA[n.r]) el.setAttribute('role', ARIA[n.r]);
          if (n.r === 'link') el.href = '#';
          if (tagOf(n) === 'input') el.type = 'text';
          if (n.r === 'main') el.id = 'contenu';
          if (n.r === 'combobox') el.setAttribute('aria-haspopup', 'listbox');
          if (n.r === 'dialog') el.setAttribute('aria-modal', 'true');
          if (INTERACTIVE[n.r]) el.tabIndex = -1;
          return el;
        }
        function attr(el, name, value) {
          if (value === null) { if (el.hasAttribute(name)) el.removeAttribute(name); }
          else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
        }
        function text(el, value) { if (el.textContent !== value) el.textContent = value; }
        function describe(el, n) {
          var note = el.semNote;
          if (!n.d) {
            if (note) { note.remove(); el.semNote = null; }
            attr(el, 'aria-describedby', null);
            attr(el, 'aria-errormessage', null);
            return;
          }
          if (!note) {
            note = el.semNote = document.createElement('span');
            note.id = 'clausier-sem-note-' + (++descriptions);
            notes.appendChild(note);
          }
          text(note, n.d);
          attr(el, 'aria-describedby', note.id);
          attr(el, 'aria-errormessage', n.s & INVALID ? note.id : null);
        }
        function update(el, n) {
          var s = n.s;
          switch (n.r) {
            case 'textbox':
              attr(el, 'aria-label', n.n);
              el.semValue = n.v;
              if (!edited(el)) settle(el);
              break;
            case 'combobox':
              attr(el, 'aria-label', n.n);
              text(el, n.v);
              attr(el, 'aria-expanded', s & EXPANDED ? 'true' : 'false');
              break;
            case 'checkbox':
              text(el, n.n);
              attr(el, 'aria-checked', s & CHECKED ? 'true' : 'false');
              break;
            case 'option': case 'tab':
              text(el, n.n);
              attr(el, 'aria-selected', s & SELECTED ? 'true' : 'false');
              break;
            case 'button':
              text(el, n.n);
              attr(el, 'aria-expanded', s & FOLDABLE ? (s & EXPANDED ? 'true' : 'false') : null);
              break;
            case 'link': case 'heading': case 'text':
              text(el, n.n);
              break;
            default:   // containers: their children are nodes
              attr(el, 'aria-label', n.n || null);
          }
          if (INTERACTIVE[n.r]) {
            attr(el, 'aria-disabled', s & DISABLED ? 'true' : null);
            attr(el, 'aria-invalid', s & INVALID ? 'true' : null);
            attr(el, 'aria-current', s & CURRENT ? 'step' : null);
          }
          describe(el, n);
          place(el, n.b, 0);
        }
        // Puts the node over its widget (the rectangle at `b[k]`); a node with no rectangle (a container) stays a
        // hidden 1-pixel box.
        function place(el, b, k) {
          var placed = b && (b[k + 2] > 0 || b[k + 3] > 0);
          attr(el, 'data-placed', placed ? '' : null);
          var css = placed ? [b[k] + 'px', b[k + 1] + 'px', b[k + 2] + 'px', b[k + 3] + 'px'] : ['0px', '0px', '1px', '1px'];
          var st = el.style;
          if (st.left !== css[0]) st.left = css[0];
          if (st.top !== css[1]) st.top = css[1];
          if (st.width !== css[2]) st.width = css[2];
          if (st.height !== css[3]) st.height = css[3];
        }
        // True while web/text_input.js edits in `el`: its value and selection are the user's.
        function edited(el) { return ClausierText.element() === el; }
        // A text field's node shows the model's value (the last one sent).
        function settle(el) { if (el.value !== el.semValue) el.value = el.semValue; }
        function set(n) {
          var el = nodes.get(n.id);
          var kind = tagOf(n) + ':' + n.r;
          if (!el || el.dataset.semKind !== kind) {
            var fresh = create(n);
            if (el) {
              while (el.firstChild) fresh.appendChild(el.firstChild);
              if (el.semNote) el.semNote.remove();
              el.replaceWith(fresh);
            }
            nodes.set(n.id, fresh);
            el = fresh;
          }
          var parent = n.p ? nodes.get(n.p) : root;
          if (parent && el.parentNode !== parent) parent.appendChild(el);
          update(el, n);
        }
        function order(op) {
          var parent = op.p ? nodes.get(op.p) : root;
          if (!parent) return;
          var at = parent.firstChild;
          for (var i = 0; i < op.ids.length; i++) {
            var el = nodes.get(op.ids[i]);
            if (!el) continue;
            if (el !== at && el === document.activeElement && el.parentNode === parent) {
              // Moving the focused node would take the keyboard from it (the browser blurs it): the nodes between
              // here and it, all due later, go after it, in order.
              var after = el.nextSibling;
              while (at !== el) { var later = at; at = at.nextSibling; parent.insertBefore(later, after); }
            }
            if (el === at) at = at.nextSibling;
            else parent.insertBefore(el, at);
          }
        }
        function moved(op) {
          for (var i = 0; i < op.ids.length; i++) {
            var el = nodes.get(op.ids[i]);
            if (el) place(el, op.b, 4 * i);
          }
        }
        function remove(id) {
          var el = nodes.get(id);
          if (!el) return;
          if (el.semNote) el.semNote.remove();
          el.remove();
          nodes.delete(id);
        }
        // The DOM focus follows the app's, unless an element outside the mirror holds it (a text overlay, the
        // file picker): the mirror never takes the focus from it.
        function follow(id) {
          var el = id ? nodes.get(id) : null;
          var active = document.activeElement;
          if (!el || el === active) return;
          if (active && active !== document.body && active !== Module.canvas && !root.contains(active)) return;
          echo = true;
          try { el.focus({ preventScroll: true }); } finally { echo = false; }
        }
        root.addEventListener('focusin', function (e) {
          var id = idOf(e.target);
          if (echo || !id || edited(e.target)) return;   // text_input.js focuses the node it edits
          // A text field's edit starts in this event: keys typed right after are the edit's.
          Module.ccall(isField(e.target) ? 'clausier_text_edit_now' : 'clausier_sem_focus', null, ['string'], [id]);
        });
        root.addEventListener('click', function (e) {
          var el = e.target.closest ? e.target.closest('[data-sem-id]') : null;
          if (!el || edited(el)) return;   // a click in the field being edited is the browser's
          e.preventDefault();
          var kind = el.dataset.semKind.split(':')[1];
          if (INTERACTIVE[kind]) Module.ccall('clausier_sem_activate', null, ['string'], [el.dataset.semId]);
        });
        // Space and Enter reach the app through the window (it activates the focused widget); the browser must
        // not also turn them into a click on the focused node. In a text field they are typed.
        function keep(e) {
          if ((e.key === ' ' || e.key === 'Enter') && !isField(e.target)) e.preventDefault();
        }
        function isField(el) { return !!el.dataset.semKind && el.dataset.semKind.split(':')[1] === 'textbox'; }
        root.addEventListener('keydown', keep);
        root.addEventListener('keyup', keep);
        // A text field's node takes text only while it is edited (keys reach the app through the window anyway).
        root.addEventListener('beforeinput', function (e) { if (!edited(e.target)) e.preventDefault(); });
        return {
          root: root,
          // The node of text field `id` (an <input> or <textarea>), or null.
          field: function (id) {
            var el = nodes.get(id);
            return el && isField(el) ? el : null;
          },
          // The edit in the node `el` ended: it shows the model's value again.
          settle: settle,
          apply: function (ops) {
            var focus = null;
            for (var i = 0; i < ops.length; i++) {
              var op = ops[i];
              if (op.o === 's') set(op);
              else if (op.o === 'o') order(op);
              else if (op.o === 'g') moved(op);
              else if (op.o === 'd') remove(op.id);
              else if (op.o === 'f') focus = op.id;
            }
            if (focus !== null) follow(focus);
          }
        };
      })();
    }
    Module.clausierSemantics.apply(JSON.parse(UTF8ToString(ptr, size)));
  }
});
