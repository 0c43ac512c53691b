# The print module, broadsheet_pdfparts (engine/print/pdf_parts.h): the translation units that
# use qpdf, poppler or Little CMS, built as a shared module beside the CLI that the engine loads
# with dlopen on first use, so that a plain render never loads them and what they pull in.
# To move a translation unit into the module, add it to BROADSHEET_PDF_PARTS_SOURCES: it leaves
# the engine library. Its libraries go in BROADSHEET_PDF_PARTS_PKG_DEPENDENCIES (PREFIX=modules,
# as BROADSHEET_PKG_DEPENDENCIES), never in the engine's.
set(BROADSHEET_PDF_PARTS_SOURCES
  engine/picture/pdf_trim_box.cpp
  engine/print/cmyk_converter.cpp
  engine/print/color_table.cpp
  engine/print/content_colors.cpp
  engine/print/image_codec.cpp
  engine/print/ink_coverage.cpp
  engine/print/pdf_ad_check.cpp
  engine/print/preflight.cpp
  engine/print/preflight_content.cpp
  engine/print/print_images.cpp
  engine/print/print_pdf.cpp
  engine/render/pdf_ad_preview.cpp
  engine/render/pdf_ads.cpp)
set(BROADSHEET_PDF_PARTS_PKG_DEPENDENCIES "QPDF=libqpdf" "POPPLER=poppler-glib" "LCMS2=lcms2")
# The module's entry point (its one export), in no other target.
set(BROADSHEET_PDF_PARTS_ENTRY engine/print/pdf_parts_module.cpp)

list(TRANSFORM BROADSHEET_PDF_PARTS_SOURCES PREPEND "${PROJECT_SOURCE_DIR}/")
list(REMOVE_ITEM ENGINE_SOURCES ${BROADSHEET_PDF_PARTS_SOURCES}
                                "${PROJECT_SOURCE_DIR}/${BROADSHEET_PDF_PARTS_ENTRY}")

set(BROADSHEET_PDF_PARTS_PKG_TARGETS "")
foreach(dependency IN LISTS BROADSHEET_PDF_PARTS_PKG_DEPENDENCIES)
  string(REGEX MATCH "^[^=]+" prefix "${dependency}")
  string(REGEX REPLACE "^[^=]+=" "" modules "${dependency}")
  separate_arguments(modules)
  pkg_check_modules(${prefix} REQUIRED IMPORTED_TARGET ${modules})
  list(APPEND BROADSHEET_PDF_PARTS_PKG_TARGETS PkgConfig::${prefix})
endforeach()
# libjpeg (the engine's too): the print pass re-encodes RGB photos as CMYK JPEGs.
list(APPEND BROADSHEET_PDF_PARTS_PKG_TARGETS PkgConfig::JPEG)

# The module's code as objects: linked into the module, and into the tests of its parts.
add_library(broadsheet_pdfparts_objects OBJECT ${BROADSHEET_PDF_PARTS_SOURCES})
set_target_properties(broadsheet_pdfparts_objects PROPERTIES POSITION_INDEPENDENT_CODE ON
  CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
target_include_directories(broadsheet_pdfparts_objects PUBLIC "${PROJECT_SOURCE_DIR}/engine")
target_compile_definitions(broadsheet_pdfparts_objects PUBLIC
  BROADSHEET_VERSION="${PROJECT_VERSION}" POINTERHOLDER_TRANSITION=4)  # qpdf: std::shared_ptr
target_link_libraries(broadsheet_pdfparts_objects PUBLIC ${BROADSHEET_PDF_PARTS_PKG_TARGETS})

add_library(broadsheet_pdfparts MODULE "${PROJECT_SOURCE_DIR}/${BROADSHEET_PDF_PARTS_ENTRY}")
target_link_libraries(broadsheet_pdfparts PRIVATE broadsheet_pdfparts_objects)
set_target_properties(broadsheet_pdfparts PROPERTIES PREFIX "" CXX_VISIBILITY_PRESET hidden
  VISIBILITY_INLINES_HIDDEN ON LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
# Everything it uses is in it or in its libraries (sanitized builds leave the sanitizers'
# symbols to the program).
if(NOT BROADSHEET_SANITIZE AND NOT BROADSHEET_FUZZ)
  target_link_options(broadsheet_pdfparts PRIVATE LINKER:--no-undefined)
endif()
install(TARGETS broadsheet_pdfparts LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}")

# What the engine's loader (engine/print/pdf_parts_loader.cpp) needs to find the module.
file(RELATIVE_PATH BROADSHEET_BIN_TO_LIB_DIR "/${CMAKE_INSTALL_BINDIR}" "/${CMAKE_INSTALL_LIBDIR}")
set(BROADSHEET_PDF_PARTS_DEFINITIONS
  BROADSHEET_PDF_PARTS_FILE="$<TARGET_FILE_NAME:broadsheet_pdfparts>"
  BROADSHEET_BIN_TO_LIB_DIR="${BROADSHEET_BIN_TO_LIB_DIR}"
  BROADSHEET_INSTALL_LIB_DIR="${CMAKE_INSTALL_FULL_LIBDIR}")
