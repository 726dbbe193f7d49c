// The start-up baseline of scripts/bench: the smallest Dear ImGui page that does what the app's first frame
// does (a WebGL2 context, ImGui, one window, one button), built with the app's flags and packed the same way
// (cmake/app.cmake, target bench_baseline). The app's start-up is judged against this page in the same run.
#include <GLES3/gl3.h>
#include <backends/imgui_impl_opengl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

namespace {
int clicks = 0;

EM_BOOL frame(double, void*) {
    double w, h;
    emscripten_get_element_css_size("#canvas", &w, &h);
    emscripten_set_canvas_element_size("#canvas", int(w), int(h));
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(w), float(h));
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ImGui::Begin("Baseline");
    if (ImGui::Button("Bouton")) ++clicks;
    ImGui::End();
    ImGui::Render();
    glViewport(0, 0, int(w), int(h));
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    return EM_FALSE;   // one frame, as the app draws on change only
}
}  // namespace

int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.alpha = false;
    attrs.antialias = false;
    emscripten_webgl_make_context_current(emscripten_webgl_create_context("#canvas", &attrs));
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_request_animation_frame_loop(frame, nullptr);
    return 0;
}
