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
set(font_unicodes "U+0020-007E,U+00A0-00FF,U+0152-0153,U+0178,U+2000-206F,U+20AC,U+2190-2193,U+2713,U+25CF")
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

file(GLOB ui_sources CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/ui/*.cpp" "${CMAKE_SOURCE_DIR}/src/platform/*.cpp")
add_executable(clausier_app ${ui_sources})
add_dependencies(clausier_app clausier_fonts)
target_include_directories(clausier_app PRIVATE "${CMAKE_SOURCE_DIR}/src" "${CMAKE_SOURCE_DIR}/src/platform" "${CMAKE_SOURCE_DIR}/src/ui")
target_link_libraries(clausier_app PRIVATE clausier_core imgui)
set_target_properties(clausier_app PROPERTIES OUTPUT_NAME "clausier" SUFFIX ".html"
  RUNTIME_OUTPUT_DIRECTORY "${CLAUSIER_DIST_DIR}")
set_property(TARGET clausier_app APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/web/shell.html" ${fonts})
target_link_options(clausier_app PRIVATE
  -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sSINGLE_FILE=1 -sMINIFY_HTML=0 -sENVIRONMENT=web -sFILESYSTEM=1
  "--shell-file=${CMAKE_SOURCE_DIR}/web/shell.html"
  "--embed-file=${font_dir}/DejaVuSans.ttf@/fonts/DejaVuSans.ttf"
  "--embed-file=${font_dir}/DejaVuSans-Bold.ttf@/fonts/DejaVuSans-Bold.ttf"
  "-sEXPORTED_FUNCTIONS=['_main','_malloc','_free','_clausier_wake','_clausier_paste','_clausier_state','_clausier_rect','_clausier_items','_clausier_file_opened','_clausier_notice']"
  "-sEXPORTED_RUNTIME_METHODS=['ccall','UTF8ToString']")
