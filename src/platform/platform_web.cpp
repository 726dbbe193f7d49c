// platform_web.cpp — the browser implementation of platform.h. Every JavaScript snippet of the app is here or
// in web/shell.html.
#include "platform.h"
#include <emscripten.h>
#include <emscripten/html5.h>
#include <algorithm>
#include <cstdlib>

// clang-format off
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int size), {
    const bytes = HEAPU8.slice(data, data + size);
    const blob = new Blob([bytes], { type: UTF8ToString(mime) });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
});

EM_JS(void, js_pick_file, (const char* accept, int multiple), {
    const input = document.getElementById('file-input');
    input.accept = UTF8ToString(accept);
    input.multiple = !!multiple;
    input.value = "";
    input.click();
});

EM_JS(void, js_clipboard_write, (const char* text), {
    const s = UTF8ToString(text);
    window.clausierClipboard = s;
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(s).catch(() => Module.ccall('clausier_notice', null, ['string'],
            ["Le navigateur a refusé l'accès au presse-papiers : le texte reste copiable dans l'application."]));
    }
});

// 0: written; 1: the quota is reached (QuotaExceededError, Firefox's NS_ERROR_DOM_QUOTA_REACHED); 2: refused.
EM_JS(int, js_storage_set, (int tab, const char* key, const char* value), {
    try {
        (tab ? sessionStorage : localStorage).setItem(UTF8ToString(key), UTF8ToString(value));
        return 0;
    } catch (e) {
        return e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014) ? 1 : 2;
    }
});

EM_JS(char*, js_storage_get, (int tab, const char* key), {
    let v = null;
    try { v = (tab ? sessionStorage : localStorage).getItem(UTF8ToString(key)); } catch (e) { v = null; }
    if (v === null) return 0;
    const n = lengthBytesUTF8(v) + 1;
    const p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(void, js_storage_remove, (const char* key), {
    try { localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
});

EM_JS(char*, js_storage_keys, (const char* prefix), {
    const pre = UTF8ToString(prefix);
    const keys = [];
    try { for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); if (k.startsWith(pre)) keys.push(k); } } catch (e) {}
    const s = keys.join('\n');
    const n = lengthBytesUTF8(s) + 1;
    const p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

EM_JS(void, js_announce, (const char* text), {
    const el = document.getElementById('live');
    if (el) el.textContent = UTF8ToString(text);
});

EM_JS(void, js_request_redraw, (), { if (window.clausierWake) window.clausierWake(); });
EM_JS(void, js_request_frame, (), { if (window.clausierWake) window.clausierWake(1); });

EM_JS(void, js_redraw_after, (double ms), { setTimeout(() => { if (window.clausierWake) window.clausierWake(); }, ms); });

EM_JS(void, js_call_soon, (), { setTimeout(() => Module._clausier_call_soon(), 0); });

EM_JS(void, js_call_after, (int id, double ms), { setTimeout(() => Module._clausier_call_after(id), ms); });

EM_JS(void, js_set_title, (const char* t), { document.title = UTF8ToString(t); });

// The page going away (hidden, reloaded, closed) and the other tabs' storage writes, handed to the app. Both
// hidden events may come for one departure: writing twice what is already written costs nothing.
EM_JS(void, js_watch_page, (), {
    const hidden = () => Module._clausier_page_hidden();
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') hidden(); });
    window.addEventListener('pagehide', hidden);
    window.addEventListener('storage', (e) => {
        if (e.storageArea !== localStorage) return;
        Module.ccall('clausier_storage_changed', null, ['string'], [e.key === null ? "" : e.key]);
    });
});
// clang-format on

// web/semantics.js (an Emscripten JS library): applies the semantic mirror's ops to the page's DOM.
extern "C" void clausier_semantics_apply(const char* ops, int size);

namespace platform {

namespace {
std::string take_js_string(char* p) {
    if (!p) return {};
    std::string s(p);
    std::free(p);
    return s;
}
}  // namespace

void download(const std::string& name, const std::string& mime, const std::string& bytes) {
    js_download(name.c_str(), mime.c_str(), bytes.data(), int(bytes.size()));
}
void pick_file(const char* accept) { js_pick_file(accept, 0); }
void pick_files(const char* accept) { js_pick_file(accept, 1); }
void clipboard_write(const std::string& text) { js_clipboard_write(text.c_str()); }
namespace {
StoreAnswer answer(int code) { return code == 0 ? StoreAnswer::ok : code == 1 ? StoreAnswer::full : StoreAnswer::unavailable; }
bool get(int tab, const std::string& key, std::string& value) {
    char* p = js_storage_get(tab, key.c_str());
    if (!p) return false;
    value = take_js_string(p);
    return true;
}
}  // namespace

StoreAnswer storage_set(const std::string& key, const std::string& value) { return answer(js_storage_set(0, key.c_str(), value.c_str())); }
bool storage_get(const std::string& key, std::string& value) { return get(0, key, value); }
StoreAnswer tab_storage_set(const std::string& key, const std::string& value) { return answer(js_storage_set(1, key.c_str(), value.c_str())); }
bool tab_storage_get(const std::string& key, std::string& value) { return get(1, key, value); }
void watch_page() { js_watch_page(); }
void storage_remove(const std::string& key) { js_storage_remove(key.c_str()); }
std::vector<std::string> storage_keys(const std::string& prefix) {
    std::string all = take_js_string(js_storage_keys(prefix.c_str()));
    std::vector<std::string> out;
    size_t start = 0;
    while (start < all.size()) {
        size_t nl = all.find('\n', start);
        if (nl == std::string::npos) nl = all.size();
        out.push_back(all.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}
void announce(const std::string& text) { js_announce(text.c_str()); }
void semantics_apply(const std::string& ops) { clausier_semantics_apply(ops.data(), int(ops.size())); }
void request_redraw() { js_request_redraw(); }
void request_frame() { js_request_frame(); }
void redraw_after(double ms) { js_redraw_after(ms); }
// A timer of the page's own, not emscripten_async_call, which brings 20 KB of Emscripten's main-loop JavaScript.
std::vector<void (*)()>& soon() {
    static std::vector<void (*)()> calls;
    return calls;
}
void call_soon(void (*fn)()) {
    soon().push_back(fn);
    if (soon().size() == 1) js_call_soon();
}
// Calls waiting for their timer of js_call_after, by the timer's number.
std::vector<std::pair<int, void (*)()>>& later() {
    static std::vector<std::pair<int, void (*)()>> calls;
    return calls;
}
void call_after(void (*fn)(), double ms) {
    static int timers = 0;
    later().emplace_back(++timers, fn);
    js_call_after(timers, ms);
}
double now_ms() { return emscripten_get_now(); }
void set_title(const std::string& t) { js_set_title(t.c_str()); }

}  // namespace platform

// Entry points for the page's JavaScript.
extern "C" {
EMSCRIPTEN_KEEPALIVE void clausier_file_opened(const char* name, const char* data, int size) {
    app_file_opened(name, std::string(data, size_t(size > 0 ? size : 0)));
}
EMSCRIPTEN_KEEPALIVE void clausier_notice(const char* message) { app_notice(message); }
EMSCRIPTEN_KEEPALIVE void clausier_storage_changed(const char* key) { app_storage_changed(key); }
EMSCRIPTEN_KEEPALIVE void clausier_sem_focus(const char* id) { app_semantic_focus(id); }
EMSCRIPTEN_KEEPALIVE void clausier_sem_activate(const char* id) { app_semantic_activate(id); }
// The timer of platform::call_soon.
EMSCRIPTEN_KEEPALIVE void clausier_call_soon() {
    std::vector<void (*)()> calls;
    calls.swap(platform::soon());
    for (void (*fn)() : calls) fn();
}
// The timer `id` of platform::call_after.
EMSCRIPTEN_KEEPALIVE void clausier_call_after(int id) {
    auto& calls = platform::later();
    auto it = std::find_if(calls.begin(), calls.end(), [id](const auto& c) { return c.first == id; });
    if (it == calls.end()) return;
    void (*fn)() = it->second;
    calls.erase(it);
    fn();
}
}

// The automation API (docs/automation.md), for tests: JSON strings owned by the module until the next call.
#include "../ui/app.h"
extern "C" {
EMSCRIPTEN_KEEPALIVE const char* clausier_state() {
    static std::string s;
    s = ui::automation_state();
    return s.c_str();
}
EMSCRIPTEN_KEEPALIVE int clausier_analysed() { return ui::automation_analysed() ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE const char* clausier_items(const char* prefix) {
    static std::string s;
    s = ui::automation_items(prefix);
    return s.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* clausier_layout() {
    static std::string s;
    s = ui::automation_layout();
    return s.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* clausier_rect(const char* id) {
    static std::string s;
    s = ui::automation_rect(id);
    return s.c_str();
}
}
