# Install and export: the library as Broadsheet::engine (find_package(Broadsheet)), its public
# headers, a pkg-config file, the CLI, and the data folder share/broadsheet (fonts with their
# licence, the templates).
include(CMakePackageConfigHelpers)
set(BROADSHEET_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/Broadsheet")

install(TARGETS broadsheet_engine EXPORT BroadsheetTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/engine/include/broadsheet"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(TARGETS broadsheet RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/fonts/" DESTINATION "${BROADSHEET_DATA_SUBDIR}/fonts")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/templates/" DESTINATION "${BROADSHEET_DATA_SUBDIR}/templates")

install(EXPORT BroadsheetTargets NAMESPACE Broadsheet:: DESTINATION "${BROADSHEET_CMAKE_DIR}")
set(BROADSHEET_CONFIG_DEPENDENCIES "")  # the list, each item quoted (items hold spaces)
foreach(dependency IN LISTS BROADSHEET_PKG_DEPENDENCIES)
  string(APPEND BROADSHEET_CONFIG_DEPENDENCIES " \"${dependency}\"")
endforeach()
configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/BroadsheetConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/BroadsheetConfig.cmake" INSTALL_DESTINATION "${BROADSHEET_CMAKE_DIR}"
  PATH_VARS BROADSHEET_DATA_SUBDIR)
write_basic_package_version_file("${PROJECT_BINARY_DIR}/BroadsheetConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/BroadsheetConfig.cmake"
              "${PROJECT_BINARY_DIR}/BroadsheetConfigVersion.cmake"
        DESTINATION "${BROADSHEET_CMAKE_DIR}")

file(RELATIVE_PATH BROADSHEET_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" BROADSHEET_PC_TO_PREFIX "${BROADSHEET_PC_TO_PREFIX}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/broadsheet.pc.in" "${PROJECT_BINARY_DIR}/broadsheet.pc"
               @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/broadsheet.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
