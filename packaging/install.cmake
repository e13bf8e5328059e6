# Installed layout and the Debian package (docs/deploy.md).
# `cmake --install build --prefix P` gives P/bin/jixiao and P/share/jixiao/{templates,indicators,
# docs}; the binary finds them relative to itself at run time (src/core/resources.h), so P may be
# moved. The component "system" (/etc/jixiao/jixiao.conf, the systemd unit) goes only into the
# .deb: it is excluded from a plain install, which never writes outside P.
install(TARGETS jixiao jixiao-server RUNTIME DESTINATION bin COMPONENT runtime)
foreach(folder templates indicators docs)
  install(DIRECTORY ${CMAKE_SOURCE_DIR}/${folder}/ DESTINATION share/jixiao/${folder}
          COMPONENT runtime)
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/packaging/jixiao.conf DESTINATION /etc/jixiao
        COMPONENT system EXCLUDE_FROM_ALL)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/jixiao.service DESTINATION /lib/systemd/system
        COMPONENT system EXCLUDE_FROM_ALL)

set(CPACK_PACKAGE_NAME jixiao)
set(CPACK_PACKAGE_VERSION "0.1.0" CACHE STRING "Version of the jixiao package")
set(CPACK_PACKAGE_CONTACT "jixiao maintainers <jixiao@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Chinese fiscal performance evaluation: exact scoring, reports and a web application")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime system)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_DEBIAN_PACKAGE_NAME jixiao)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # libpoco*, libxlsxwriter, … from dpkg-shlibdeps
# adduser for postinst; libxlsxwriter4 is opened at the first xlsx written (dlopen, see
# src/render/xlsxwriter_lazy.cc), so dpkg-shlibdeps cannot see it. Merged with the computed ones.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, libxlsxwriter4")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libreoffice-writer-nogui, fonts-noto-cjk")  # PDF output
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "nginx, postgresql, sqlite3")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_SOURCE_DIR}/packaging/debian/conffiles ${CMAKE_SOURCE_DIR}/packaging/debian/postinst
    ${CMAKE_SOURCE_DIR}/packaging/debian/prerm ${CMAKE_SOURCE_DIR}/packaging/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_GENERATOR DEB)
include(CPack)

# Their tests (here rather than in tests/CMakeLists.txt; both scripts set JIXIAO_OFFICE=none).
add_test(NAME install.relocatable-prefix
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/install_relocate.sh ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR}
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME install.deb-package
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/deb_package.sh ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR}
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(install.deb-package PROPERTIES SKIP_RETURN_CODE 77)
