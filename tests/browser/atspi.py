#!/usr/bin/python3
# atspi.py — what a Linux screen reader gets from the page: the platform accessibility API (AT-SPI2), read with
# pyatspi, the binding Orca itself uses. Run by tests/browser/screen_reader.test.mjs on the D-Bus session where
# Chromium exposes its tree (ACCESSIBILITY_ENABLED=1, --force-renderer-accessibility).
#
# Protocol: one JSON request per line on stdin, one JSON answer per line on stdout; `title` (in every request)
# picks the page: the Chromium document (role "document web") whose accessible name, the page's title, has it.
#   {"cmd": "tree"}      the document's objects in reading order (Collection.getMatches, canonical order), without
#                        the "static" text leaves and the bare "section"s: [{role, name, text, states, description}]
#                        (`text` through the Text interface, for paragraphs, headings and fields; `description` for
#                        fields); {"error": ...} while the page has no tree yet
#   {"cmd": "act", "role", "name", "action"}   does the named action (e.g. "press", "click") of the first object
#                        with that role and name, as Orca's « activate » does: {"done": true}
#   {"cmd": "focus", "role", "name"}           grabFocus() on that object (Component), as Orca moving its focus
#   {"cmd": "focused"}   the object that has the focus in the document: {role, name, text, states}
# `role` is AT-SPI's role name in English ("push button", "entry", "heading", "paragraph"...), `name` the exact
# accessible name, or a prefix when it ends with "…".
# The walk asks Chromium as little as it can (one call for the list, a few per object): every call is a D-Bus
# round trip to the browser's UI thread, a millisecond or more on a busy machine.
import json
import sys

import pyatspi
from gi.repository import Atspi

# States read back (a subset of AT-SPI's), by their standard names.
STATES = {pyatspi.STATE_FOCUSED: 'focused', pyatspi.STATE_FOCUSABLE: 'focusable', pyatspi.STATE_CHECKED: 'checked',
          pyatspi.STATE_SELECTED: 'selected', pyatspi.STATE_EXPANDED: 'expanded', pyatspi.STATE_EDITABLE: 'editable',
          pyatspi.STATE_INVALID_ENTRY: 'invalid', pyatspi.STATE_MULTI_LINE: 'multi-line',
          pyatspi.STATE_ENABLED: 'enabled', pyatspi.STATE_SENSITIVE: 'sensitive'}
# Roles whose text is read (Text interface) and whose states matter.
TEXT_ROLES = {pyatspi.ROLE_PARAGRAPH, pyatspi.ROLE_HEADING, pyatspi.ROLE_ENTRY, pyatspi.ROLE_COMBO_BOX}
STATE_ROLES = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_LINK, pyatspi.ROLE_ENTRY, pyatspi.ROLE_COMBO_BOX,
               pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_TOGGLE_BUTTON,
               pyatspi.ROLE_DIALOG}
# Left out of the walk: text leaves (their parent carries the text) and anonymous sections.
SKIPPED = [pyatspi.ROLE_STATIC, pyatspi.ROLE_SECTION, pyatspi.ROLE_TEXT]


def document(title):
    for app in pyatspi.Registry.getDesktop(0):
        if app is None or 'hromium' not in (app.name or ''):
            continue
        doc = pyatspi.findDescendant(app, lambda o: o is not None and o.getRole() == pyatspi.ROLE_DOCUMENT_WEB
                                     and title in (o.name or ''))
        if doc is not None:
            return doc
    raise LookupError('no Chromium document titled « %s »' % title)


def objects(doc, roles=None):
    """The document's objects in reading order: those of `roles`, or all but SKIPPED."""
    col = doc.queryCollection()
    rule = col.createMatchRule(pyatspi.StateSet().raw(), col.MATCH_NONE, {}, col.MATCH_NONE,
                               roles or SKIPPED, col.MATCH_ANY if roles else col.MATCH_NONE, [], col.MATCH_NONE, False)
    return col.getMatches(rule, col.SORT_ORDER_CANONICAL, 0, True)


def describe(o, role=None):
    role = o.getRole() if role is None else role
    out = {'role': Atspi.role_get_name(role), 'name': o.name or ''}
    if role in TEXT_ROLES:
        try:
            out['text'] = o.queryText().getText(0, -1)
        except NotImplementedError:
            out['text'] = None
    if role in STATE_ROLES:
        states = o.getState()
        out['states'] = [n for s, n in STATES.items() if states.contains(s)]
    if role in (pyatspi.ROLE_ENTRY, pyatspi.ROLE_COMBO_BOX):
        out['description'] = o.description or ''
    if role == pyatspi.ROLE_HEADING:
        out['level'] = int((o.get_attributes() or {}).get('level', 0))
    return out


def find(req):
    name = req['name']
    role = getattr(pyatspi, 'ROLE_' + req['role'].upper().replace(' ', '_'))
    for o in objects(document(req['title']), [role]):
        if (o.name or '').startswith(name[:-1]) if name.endswith('…') else o.name == name:
            return o
    raise LookupError('no %s « %s » in the document' % (req['role'], name))


def handle(req):
    cmd = req['cmd']
    if cmd == 'tree':
        doc = document(req['title'])
        if doc.childCount == 0:
            return {'error': 'the page has no accessible tree yet'}
        nodes = []
        for o in objects(doc):
            role = o.getRole()
            if role not in SKIPPED:   # Chromium's Collection ignores MATCH_NONE on roles
                nodes.append(describe(o, role))
        return {'nodes': nodes}
    if cmd == 'act':
        action = find(req).queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        if req['action'] not in names:
            raise LookupError('no action « %s » on %s « %s » (%s)' % (req['action'], req['role'], req['name'], names))
        return {'done': bool(action.doAction(names.index(req['action'])))}
    if cmd == 'focus':
        return {'done': bool(find(req).queryComponent().grabFocus())}
    if cmd == 'focused':
        doc = document(req['title'])
        col = doc.queryCollection()
        states = pyatspi.StateSet()
        states.add(pyatspi.STATE_FOCUSED)
        rule = col.createMatchRule(states.raw(), col.MATCH_ALL, {}, col.MATCH_NONE, [], col.MATCH_NONE, [],
                                   col.MATCH_NONE, False)
        found = col.getMatches(rule, col.SORT_ORDER_CANONICAL, 1, True)
        return describe(found[0]) if found else {'role': None}
    raise ValueError('unknown command ' + cmd)


for line in sys.stdin:
    try:
        answer = handle(json.loads(line))
    except Exception as e:   # the test shows it as a failed check
        answer = {'error': '%s: %s' % (type(e).__name__, e)}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False) + '\n')
    sys.stdout.flush()
