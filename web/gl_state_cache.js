// An Emscripten JavaScript library (linked with --js-library, cmake/app.cmake). Chromium answers some WebGL
// state queries — the scissor box, the blend functions and equations — with a synchronous round trip to the
// GPU process, 0.05 to 0.1 ms each (more on a busy machine), and Dear ImGui's OpenGL backend asks for seven of
// them at every frame to save and restore the state it changes. Here those values are kept on the JavaScript
// side, per WebGL context, updated by every call that sets them; all other queries go to WebGL as before.
mergeInto(LibraryManager.library, {
  $glShadowState: function () {
    var s = GLctx.clausierShadow;
    if (!s) {   // read once from WebGL, the first time a context is used
      s = GLctx.clausierShadow = {};
      s[0x0C10] = Array.from(GLctx.getParameter(0x0C10));   // SCISSOR_BOX
      [0x80C9, 0x80C8, 0x80CB, 0x80CA, 0x8009, 0x883D].forEach(function (name) { s[name] = [GLctx.getParameter(name)]; });
    }
    return s;
  },

  glScissor__deps: ['$glShadowState'],
  glScissor: function (x, y, w, h) {
    GLctx.scissor(x, y, w, h);
    if (w >= 0 && h >= 0) glShadowState()[0x0C10] = [x, y, w, h];   // negative sizes are refused by WebGL
  },

  glBlendFunc__deps: ['$glShadowState'],
  glBlendFunc: function (src, dst) {
    GLctx.blendFunc(src, dst);
    var s = glShadowState();
    s[0x80C9] = s[0x80CB] = [src];   // BLEND_SRC_RGB, BLEND_SRC_ALPHA
    s[0x80C8] = s[0x80CA] = [dst];   // BLEND_DST_RGB, BLEND_DST_ALPHA
  },

  glBlendFuncSeparate__deps: ['$glShadowState'],
  glBlendFuncSeparate: function (srcRGB, dstRGB, srcAlpha, dstAlpha) {
    GLctx.blendFuncSeparate(srcRGB, dstRGB, srcAlpha, dstAlpha);
    var s = glShadowState();
    s[0x80C9] = [srcRGB]; s[0x80C8] = [dstRGB]; s[0x80CB] = [srcAlpha]; s[0x80CA] = [dstAlpha];
  },

  glBlendEquation__deps: ['$glShadowState'],
  glBlendEquation: function (mode) {
    GLctx.blendEquation(mode);
    var s = glShadowState();
    s[0x8009] = s[0x883D] = [mode];   // BLEND_EQUATION_RGB, BLEND_EQUATION_ALPHA
  },

  glBlendEquationSeparate__deps: ['$glShadowState'],
  glBlendEquationSeparate: function (modeRGB, modeAlpha) {
    GLctx.blendEquationSeparate(modeRGB, modeAlpha);
    var s = glShadowState();
    s[0x8009] = [modeRGB]; s[0x883D] = [modeAlpha];
  },

  glGetIntegerv__deps: ['$emscriptenWebGLGet', '$glShadowState'],
  glGetIntegerv: function (name, p) {
    var values = p && glShadowState()[name];
    if (!values) {
      emscriptenWebGLGet(name, p, {{{ cDefine('EM_FUNC_SIG_PARAM_I') }}});
      return;
    }
    for (var i = 0; i < values.length; i++) HEAP32[(p >> 2) + i] = values[i];
  },
});
