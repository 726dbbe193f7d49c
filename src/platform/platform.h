// platform.h — everything the app asks of its host, behind one small surface (sokol-style): the browser
// implementation lives in platform_web.cpp, all JavaScript in web/shell.html and there. The UI calls these
// functions and never touches Emscripten directly.
#pragma once
#include <string>
#include <vector>

namespace platform {

// Offers `bytes` to the user as a downloaded file.
void download(const std::string& file_name, const std::string& mime, const std::string& bytes);
// Opens the browser's file picker; the chosen file's content arrives later through app_file_opened().
void pick_file(const char* accept);
// The same, several files at once (published data read together); each arrives through app_file_opened(), in
// the order chosen, up to 512 MB each (a project file: 64 MB).
void pick_files(const char* accept);
// Copies text to the system clipboard (asynchronous; failures are reported through app_notice()).
void clipboard_write(const std::string& text);

// Persistent key/value storage shared by the tabs of this browser (localStorage). A refused write says why:
// the quota is reached, or the browser refuses any storage (disabled, private browsing). Another tab's writes
// arrive through app_storage_changed().
enum class StoreAnswer { ok, full, unavailable };
StoreAnswer storage_set(const std::string& key, const std::string& value);
bool storage_get(const std::string& key, std::string& value);
void storage_remove(const std::string& key);
std::vector<std::string> storage_keys(const std::string& prefix);
// This tab's own storage (sessionStorage): kept across reloads of the tab, not shared with other tabs.
StoreAnswer tab_storage_set(const std::string& key, const std::string& value);
bool tab_storage_get(const std::string& key, std::string& value);
// Calls app_page_hidden() when the page is hidden (another tab, minimised) or left (reload, closed tab), and
// app_storage_changed() on another tab's storage writes.
void watch_page();

// Screen-reader bridge: sets the text of an off-screen ARIA live region.
void announce(const std::string& text);
// Applies one frame's changes of the semantic mirror (ops of src/ui/semantics.cpp) to the page's hidden DOM
// tree (web/semantics.js); focus and activation on its nodes come back through app_semantic_focus/activate().
void semantics_apply(const std::string& ops);
// Asks for frames to be drawn (the app draws only when something changed).
void request_redraw();
// Asks for one frame only: what changed was computed outside a frame (derived data, a save) and needs no
// settling frames.
void request_frame();
// Asks for a frame after `ms` milliseconds (timers such as the autosave debounce).
void redraw_after(double ms);
// Calls `fn` once in a task of its own, after the frame being drawn (before the next one unless the page is
// busy): work a change needs that the frame showing the change need not wait for.
void call_soon(void (*fn)());
// Calls `fn` once in a task of its own, `ms` milliseconds from now.
void call_after(void (*fn)(), double ms);
double now_ms();
// Sets the page title.
void set_title(const std::string& title);

}  // namespace platform

// Called by the platform into the app (implemented in src/ui/app.cpp).
void app_file_opened(const std::string& name, const std::string& content);
void app_notice(const std::string& message);
void app_page_hidden();                            // write now what would otherwise wait: the page may be gone next
void app_storage_changed(const std::string& key);  // another tab wrote or removed `key` ("" when it cleared everything)
void app_semantic_focus(const std::string& id);     // a mirrored node got the DOM focus (src/ui/semantics.h)
void app_semantic_activate(const std::string& id);  // a mirrored node was activated (a screen reader's click)
