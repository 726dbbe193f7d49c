// The key events a French AZERTY keyboard (Windows layout) gives the browser, for the typing tests: each
// character's key, physical code, Windows virtual-key code and modifiers, sent through the Chrome DevTools
// Protocol (Input.dispatchKeyEvent) as Chromium receives them from the system.

// [character, code, virtual key, shift]: the keys of the AZERTY layout, unshifted and with Shift.
const layout = [];
const row = (chars, shifted, codes, vks) => {
  [...chars].forEach((c, i) => layout.push([c, codes[i], vks[i], false]));
  [...shifted].forEach((c, i) => { if (c !== ' ') layout.push([c, codes[i], vks[i], true]); });
};
const digits = ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Digit6', 'Digit7', 'Digit8', 'Digit9', 'Digit0', 'Minus', 'Equal'];
row('&é"\'(-è_çà)=', '1234567890°+', digits, [49, 50, 51, 52, 53, 54, 55, 56, 57, 48, 219, 187]);
row('azertyuiop', 'AZERTYUIOP', ['KeyQ', 'KeyW', 'KeyE', 'KeyR', 'KeyT', 'KeyY', 'KeyU', 'KeyI', 'KeyO', 'KeyP'],
  [65, 90, 69, 82, 84, 89, 85, 73, 79, 80]);
row('$', '£', ['BracketRight'], [186]);
row('qsdfghjklmù*', 'QSDFGHJKLM%µ', ['KeyA', 'KeyS', 'KeyD', 'KeyF', 'KeyG', 'KeyH', 'KeyJ', 'KeyK', 'KeyL', 'Semicolon', 'Quote', 'Backslash'],
  [81, 83, 68, 70, 71, 72, 74, 75, 76, 77, 192, 220]);
row('<wxcvbn,;:!', '>WXCVBN?./§', ['IntlBackslash', 'KeyZ', 'KeyX', 'KeyC', 'KeyV', 'KeyB', 'KeyN', 'KeyM', 'Comma', 'Period', 'Slash'],
  [226, 87, 88, 67, 86, 66, 78, 188, 190, 191, 223]);
row('²', ' ', ['Backquote'], [222]);
const byChar = new Map(layout.map(([c, code, vk, shift]) => [c, { key: c, code, vk, shift, text: c }]));
byChar.set(' ', { key: ' ', code: 'Space', vk: 32, text: ' ' });

// Every printable character of the AZERTY layout's keys, unshifted then with Shift (the dead keys ^ and ¨ apart),
// for the X server's own French layout (setxkbmap fr): typed by xdotool, each is one key, with Shift or not.
export const azertyPrintable = layout.map(([c]) => c).filter((c) => c !== ' ').join('');

// The AltGr characters of the French X layout and the key under each (its unshifted keysym): xdotool presses
// ISO_Level3_Shift (the right Alt) with that key.
export const altGrX = {
  text: '~#{[|`\\^@]}€',
  keys: { '~': 'eacute', '#': 'quotedbl', '{': 'apostrophe', '[': 'parenleft', '|': 'minus', '`': 'egrave', '\\': 'underscore',
    '^': 'ccedilla', '@': 'agrave', ']': 'parenright', '}': 'equal', '€': 'e' },
};

// The key event of `ch` on AZERTY; a character the layout has no key for (« » ’ œ É) comes as the system gives
// text it composed (a compose key, an Alt code, another layout): a key event carrying the text and no code.
export function azerty(ch) {
  return byChar.get(ch) || { key: ch, code: '', vk: 0, text: ch };
}

// AltGr characters of the AZERTY layout, as Chrome on Windows reports them: Ctrl+Alt with the character.
const altGrKeys = { '#': ['Digit3', 51], '{': ['Digit4', 52], '[': ['Digit5', 53], '|': ['Digit6', 54], '\\': ['Digit8', 56],
  '^': ['Digit9', 57], '@': ['Digit0', 48], ']': ['Minus', 219], '}': ['Equal', 187], '€': ['KeyE', 69] };
export function altGr(ch) {
  const k = altGrKeys[ch];
  return k && { key: ch, code: k[0], vk: k[1], text: ch, ctrl: true, alt: true };
}

function events(k) {
  const modifiers = (k.alt ? 1 : 0) | (k.ctrl ? 2 : 0) | (k.shift ? 8 : 0);
  const base = { key: k.key, code: k.code, windowsVirtualKeyCode: k.vk, nativeVirtualKeyCode: k.vk, modifiers };
  const down = k.text ? { type: 'keyDown', text: k.text, unmodifiedText: k.text, ...base } : { type: 'rawKeyDown', ...base };
  return [down, { type: 'keyUp', ...base }];
}

// One key pressed and released.
export async function sendKey(cdp, k) {
  for (const e of events(k)) await cdp.send('Input.dispatchKeyEvent', e);
}

// Keys pressed one after the other with no wait at all: every event is sent before the first is answered.
export async function burst(cdp, keys) {
  await Promise.all(keys.flatMap(events).map((e) => cdp.send('Input.dispatchKeyEvent', e)));
}
