# What `make package` (cpack) ships, and how: a Debian package here, an NSIS installer on Windows
# (installer/windows/, see installer/README.md). Included by the top-level CMakeLists.txt after
# the targets, whose own install() rules put the two programs and the French catalog in place.

set(CONCERTO_APP_ID "fr.concerto.Concerto")
set(CONCERTO_INSTALLER_DIR ${CMAKE_CURRENT_LIST_DIR})

# --- what a Linux desktop needs besides the programs -------------------------------------------
if(UNIX AND NOT APPLE)
    install(FILES ${CONCERTO_INSTALLER_DIR}/linux/${CONCERTO_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${CONCERTO_INSTALLER_DIR}/linux/${CONCERTO_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${CONCERTO_INSTALLER_DIR}/linux/concerto-mime.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME concerto.xml)
    foreach(size 16 24 32 48 64 128 256)
        install(FILES ${CONCERTO_INSTALLER_DIR}/icons/concerto-${size}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
                RENAME ${CONCERTO_APP_ID}.png)
    endforeach()
    install(FILES ${CONCERTO_INSTALLER_DIR}/icons/concerto.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${CONCERTO_APP_ID}.svg)

    # Debian wants the changelog and the manual pages compressed, reproducibly (gzip -n).
    find_program(GZIP_EXECUTABLE gzip REQUIRED)
    set(CONCERTO_GZ_DIR ${CMAKE_BINARY_DIR}/installer)
    set(CONCERTO_GZ_FILES)
    foreach(page concerto.1 concerto-cli.1 changelog)
        add_custom_command(OUTPUT ${CONCERTO_GZ_DIR}/${page}.gz
            COMMAND ${CMAKE_COMMAND} -E make_directory ${CONCERTO_GZ_DIR}
            COMMAND ${GZIP_EXECUTABLE} -9 -n -c ${CONCERTO_INSTALLER_DIR}/linux/${page} > ${CONCERTO_GZ_DIR}/${page}.gz
            DEPENDS ${CONCERTO_INSTALLER_DIR}/linux/${page}
            VERBATIM)
        list(APPEND CONCERTO_GZ_FILES ${CONCERTO_GZ_DIR}/${page}.gz)
    endforeach()
    add_custom_target(concerto_compressed_docs ALL DEPENDS ${CONCERTO_GZ_FILES})
    install(FILES ${CONCERTO_GZ_DIR}/concerto.1.gz ${CONCERTO_GZ_DIR}/concerto-cli.1.gz
            DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    install(FILES ${CONCERTO_GZ_DIR}/changelog.gz ${CONCERTO_INSTALLER_DIR}/linux/copyright
            DESTINATION ${CMAKE_INSTALL_DOCDIR})
endif()

# The user guide (Help ▸ User guide opens the installed copy) and the shipped report definitions,
# which the programs embed, as files an administrator can start a definition of their own from.
install(FILES ${PROJECT_SOURCE_DIR}/docs/guide-utilisateur.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/reports/definitions/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/concerto/report-definitions FILES_MATCHING PATTERN "*.toml")

# --- the package ------------------------------------------------------------------------------
set(CPACK_PACKAGE_NAME "concerto")
set(CPACK_PACKAGE_VENDOR "Concerto")
set(CPACK_PACKAGE_CONTACT "Concerto <concerto@example.org>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "administration suite for citizen consultations")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://example.org/concerto")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Concerto")
set(CPACK_STRIP_FILES TRUE)
set(CPACK_SOURCE_IGNORE_FILES "/build/;/\\\\.git/")

if(WIN32)
    include(${CONCERTO_INSTALLER_DIR}/windows/NSIS.cmake)
else()
    set(CPACK_GENERATOR "DEB")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    # The libraries come from dpkg-shlibdeps; the PDF's typeface is read at run time.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-client, gnome-keyring")
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
    # The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description, one string.
    string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
        "Concerto is the desktop tool of a city's citizen-consultation team. Staff\n"
        "record and import what citizens said (street stands, neighbourhood cafés,\n"
        "staff cafés, an online platform), code every contribution against the\n"
        "commitments of the municipal programme, follow those commitments' progress,\n"
        "decide reorientation points at the restitution evening, and produce the\n"
        "final deliverable as PDF and Excel from report definitions an administrator\n"
        "can change.\n"
        "\n"
        "It works alone on one computer (a database file in the user's folder) or\n"
        "with a shared PostgreSQL server whose roles decide who reads, who edits and\n"
        "who administers. The interface is in French and English.")
endif()

include(CPack)
