#!/usr/bin/env python3
"""Assembles the single-file page: the shell's {{{ SCRIPT }}} becomes the gzip-compressed, base64-encoded
WebAssembly (in an inert script element), the loader that inflates it (web/wasm_loader.js) and Emscripten's
JavaScript. The same input always gives the same bytes (no timestamp in the gzip header).

Usage: single_page.py SHELL LOADER MODULE_JS OUT_HTML   (the .wasm sits next to MODULE_JS)
"""
import base64
import gzip
import os
import sys


def main(shell_path, loader_path, js_path, out_path):
    wasm_path = os.path.splitext(js_path)[0] + '.wasm'
    with open(shell_path, encoding='utf-8') as f:
        shell = f.read()
    with open(loader_path, encoding='utf-8') as f:
        loader = f.read()
    with open(js_path, encoding='utf-8') as f:
        glue = f.read()
    with open(wasm_path, 'rb') as f:
        wasm = f.read()
    if shell.count('{{{ SCRIPT }}}') != 1:
        sys.exit('single_page.py: the shell must hold {{{ SCRIPT }}} exactly once')
    if '</script' in glue or '</script' in loader:
        sys.exit('single_page.py: a script contains "</script"')
    payload = base64.b64encode(gzip.compress(wasm, compresslevel=9, mtime=0)).decode('ascii')
    script = ('<script id="clausier-wasm" type="application/octet-stream">' + payload + '</script>\n'
              '<script>\n' + loader + '</script>\n<script>\n' + glue + '</script>')
    page = shell.replace('{{{ SCRIPT }}}', script)
    tmp = out_path + '.tmp'
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    with open(tmp, 'w', encoding='utf-8', newline='\n') as f:
        f.write(page)
    os.replace(tmp, out_path)
    print(f'single_page.py: {out_path}: {len(page.encode())} bytes (wasm {len(wasm)} -> {len(payload)} in base64 gzip)')


if __name__ == '__main__':
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
