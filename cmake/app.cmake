# The browser app: ImGui sources from Debian's source package (build/cache/imgui, fetched by
# scripts/install-deps), the core, src/ui and src/platform, linked into one self-contained HTML page with
# the wasm, the subset fonts and the bundled data inside (dist/clausier.html).
if(NOT EXISTS "${CLAUSIER_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${CLAUSIER_IMGUI_DIR}: run scripts/install-deps")
endif()

add_library(imgui STATIC
  "${CLAUSIER_IMGUI_DIR}/imgui.cpp" "${CLAUSIER_IMGUI_DIR}/imgui_draw.cpp"
  "${CLAUSIER_IMGUI_DIR}/imgui_tables.cpp" "${CLAUSIER_IMGUI_DIR}/imgui_widgets.cpp"
  "${CLAUSIER_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${CLAUSIER_IMGUI_DIR}")
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS)
target_compile_options(imgui PRIVATE -w)

# Fonts: DejaVu Sans cut down at build time to the glyphs a French interface needs.
set(font_dir "${CMAKE_BINARY_DIR}/fonts")
set(font_unicodes "U+0020-007E,U+00A0-00FF,U+0152-0153,U+0178,U+2000-206F,U+20AC,U+2190-2193,U+2713,U+25CB,U+25CF")
set(fonts "")
foreach(face DejaVuSans DejaVuSans-Bold)
  add_custom_command(
    OUTPUT "${font_dir}/${face}.ttf"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${font_dir}"
    COMMAND pyftsubset "/usr/share/fonts/truetype/dejavu/${face}.ttf" "--unicodes=${font_unicodes}"
            --layout-features=kern,liga --no-hinting --desubroutinize "--output-file=${font_dir}/${face}.ttf"
    COMMENT "Subsetting ${face}"
    VERBATIM)
  list(APPEND fonts "${font_dir}/${face}.ttf")
endforeach()
add_custom_target(clausier_fonts DEPENDS ${fonts})

# The page is downloaded, inflated and compiled at every start, and its start-up code runs once, before the
# browser has optimised it: the browser build optimises for size (-Oz comes after the Release -O3 on the
# command line, so it wins). Measured with the core at -O2 instead: 110 KB more and the first frame 50 ms
# later, for exports twice as fast (20 ms instead of 35-40 for 200 clauses; budget 50). Per-file -O2 for the
# export sources did not help: the linker keeps one copy of each inline function, often an -Oz one.
set(clausier_size_flags -Oz)
target_compile_options(clausier_core PRIVATE ${clausier_size_flags})
target_compile_options(imgui PRIVATE ${clausier_size_flags})

# Exceptions: -fwasm-exceptions is set for every target in the top-level CMakeLists.txt. Emscripten's default
# emulation (-fexceptions) sends every call that may throw through a JavaScript trampoline, which made the
# exports 20 times slower than natively and the code a quarter bigger.

# Links an Emscripten target as <name>.js + <name>.wasm under ${CMAKE_BINARY_DIR}/pages, then packs both with
# the shell into one self-contained page (cmake/single_page.py: the wasm gzip-compressed, inflated by the
# browser with web/wasm_loader.js). The app and the benchmark's baseline page go through the same steps.
set(clausier_loader "${CMAKE_SOURCE_DIR}/web/wasm_loader.js")
set(clausier_assembler "${CMAKE_SOURCE_DIR}/cmake/single_page.py")
set(clausier_gl_cache "${CMAKE_SOURCE_DIR}/web/gl_state_cache.js")   # WebGL state queries answered in JavaScript
function(clausier_single_page target shell out_html)
  set_target_properties(${target} PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/pages")
  target_compile_options(${target} PRIVATE ${clausier_size_flags})
  target_link_options(${target} PRIVATE ${clausier_size_flags}
    -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
    -sENVIRONMENT=web -sSUPPORT_LONGJMP=0 "--js-library=${clausier_gl_cache}")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${shell}" "${clausier_loader}" "${clausier_assembler}"
    "${clausier_gl_cache}")
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND python3 "${clausier_assembler}" "${shell}" "${clausier_loader}" "$<TARGET_FILE:${target}>" "${out_html}"
    VERBATIM)
endfunction()

# The app's code is compiled once (an object library) and linked into two pages: the one users get, and the
# benchmark's (never shipped), which adds the benchmark's hook (bench/wasm/bench_hooks.cpp, docs/benchmarks.md).
file(GLOB ui_sources CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/ui/*.cpp" "${CMAKE_SOURCE_DIR}/src/platform/*.cpp")
add_library(clausier_ui OBJECT ${ui_sources})
add_dependencies(clausier_ui clausier_fonts)
target_include_directories(clausier_ui PRIVATE "${CMAKE_SOURCE_DIR}/src" "${CMAKE_SOURCE_DIR}/src/platform" "${CMAKE_SOURCE_DIR}/src/ui")
target_link_libraries(clausier_ui PRIVATE clausier_core imgui)
target_compile_options(clausier_ui PRIVATE ${clausier_size_flags})
# The automation API (docs/automation.md) is part of the page users get.
set(clausier_exports _main _malloc _free _clausier_wake _clausier_paste _clausier_state _clausier_rect _clausier_items _clausier_layout
  _clausier_file_opened _clausier_notice _clausier_page_hidden _clausier_storage_changed
  _clausier_text_input _clausier_text_blur _clausier_text_focus)
# Text fields are edited in DOM elements (web/text_input.js, src/platform/text_input.h).
set(clausier_text_js "${CMAKE_SOURCE_DIR}/web/text_input.js")
function(clausier_app_page target out_html exports)
  list(JOIN exports "','" joined)
  target_link_libraries(${target} PRIVATE clausier_core imgui)
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${fonts} "${clausier_text_js}")
  clausier_single_page(${target} "${CMAKE_SOURCE_DIR}/web/shell.html" "${out_html}")
  target_link_options(${target} PRIVATE "--pre-js=${clausier_text_js}" -sFILESYSTEM=1
    "--embed-file=${font_dir}/DejaVuSans.ttf@/fonts/DejaVuSans.ttf"
    "--embed-file=${font_dir}/DejaVuSans-Bold.ttf@/fonts/DejaVuSans-Bold.ttf"
    "-sEXPORTED_FUNCTIONS=['${joined}']"
    "-sEXPORTED_RUNTIME_METHODS=['ccall','UTF8ToString']")
  # The semantic mirror's page side (src/ui/semantics.h): DOM nodes that screen readers read beside the canvas.
  # Its entry points (clausier_sem_focus, clausier_sem_activate) are exported by EMSCRIPTEN_KEEPALIVE.
  target_link_options(${target} PRIVATE "--js-library=${CMAKE_SOURCE_DIR}/web/semantics.js")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/web/semantics.js")
endfunction()

add_executable(clausier_app $<TARGET_OBJECTS:clausier_ui>)
set_target_properties(clausier_app PROPERTIES OUTPUT_NAME "clausier")
clausier_app_page(clausier_app "${CLAUSIER_DIST_DIR}/clausier.html" "${clausier_exports}")

# The benchmark's page: built on request only (bench_pages), written beside the build, never shipped.
add_executable(clausier_bench_app EXCLUDE_FROM_ALL $<TARGET_OBJECTS:clausier_ui> "${CMAKE_SOURCE_DIR}/bench/wasm/bench_hooks.cpp")
set_target_properties(clausier_bench_app PROPERTIES OUTPUT_NAME "clausier_bench")
clausier_app_page(clausier_bench_app "${CMAKE_BINARY_DIR}/pages/clausier_bench.html" "${clausier_exports};_clausier_bench")
# Function names kept in its wasm (the code is the same), so that a CPU profile of it (bench/profile.mjs) names them.
target_link_options(clausier_bench_app PRIVATE --profiling-funcs)

# The start-up baseline of scripts/bench (bench/baseline): built on request only, never shipped.
# scripts/bench and scripts/test build both benchmark pages with: cmake --build build/wasm --target bench_pages
add_executable(bench_baseline EXCLUDE_FROM_ALL "${CMAKE_SOURCE_DIR}/bench/baseline/baseline.cpp")
target_link_libraries(bench_baseline PRIVATE imgui)
clausier_single_page(bench_baseline "${CMAKE_SOURCE_DIR}/bench/baseline/shell.html" "${CMAKE_BINARY_DIR}/pages/baseline.html")
add_custom_target(bench_pages DEPENDS bench_baseline clausier_bench_app)
