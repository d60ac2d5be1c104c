# Every outside library as one imported target; the doors are the targets that link them.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Catch2 2 REQUIRED)
find_package(SDL2 REQUIRED)
find_package(OpenGL REQUIRED COMPONENTS OpenGL)
find_package(ZXing REQUIRED)

pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)

# Debian's libimgui.a: core, SDL2 + OpenGL3 backends, FreeType builder. It needs stb and FreeType.
find_library(IMGUI_LIBRARY NAMES imgui REQUIRED)
add_library(homedesk::imgui STATIC IMPORTED GLOBAL)
set_target_properties(homedesk::imgui PROPERTIES
  IMPORTED_LOCATION ${IMGUI_LIBRARY}
  INTERFACE_INCLUDE_DIRECTORIES /usr/include/imgui)
target_link_libraries(homedesk::imgui INTERFACE PkgConfig::STB PkgConfig::FREETYPE)

# Build-time font subsetting runs Debian's fontTools with Debian's interpreter, not whatever
# python3 comes first on PATH.
find_program(HOMEDESK_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
