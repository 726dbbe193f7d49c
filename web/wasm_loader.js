// The module's WebAssembly travels inside the page, gzip-compressed and base64-encoded (cmake/single_page.py),
// a third of the size of Emscripten's plain base64 copy. The browser inflates it (DecompressionStream) and
// compiles it while it streams: no request leaves the page, from file:// as from a server.
Module.instantiateWasm = function (imports, receiveInstance) {
  var text = document.getElementById('clausier-wasm').textContent.trim();
  var bytes;
  if (Uint8Array.fromBase64) {
    bytes = Uint8Array.fromBase64(text);
  } else {
    var bin = atob(text);
    bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  }
  var wasm = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')),
                          { headers: { 'Content-Type': 'application/wasm' } });
  WebAssembly.instantiateStreaming(wasm, imports).then(function (result) {
    receiveInstance(result.instance, result.module);
  }, function (e) {
    console.error(e);
    if (Module.onAbort) Module.onAbort(e);
  });
  return {};
};
