# The Windows installer (CPack NSIS), included by installer/CPackConfig.cmake on Windows: French
# texts, a Start-menu shortcut, the .concerto file association, an uninstaller that leaves the
# users' databases alone. Not built on the Linux CI: see installer/README.md.

set(CPACK_GENERATOR "NSIS")
set(CPACK_NSIS_PACKAGE_NAME "Concerto")
set(CPACK_NSIS_DISPLAY_NAME "Concerto ${PROJECT_VERSION}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\concerto.exe")
set(CPACK_NSIS_MUI_ICON "${CMAKE_CURRENT_LIST_DIR}/concerto.ico")
set(CPACK_NSIS_MUI_UNIICON "${CMAKE_CURRENT_LIST_DIR}/concerto.ico")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_NSIS_URL_INFO_ABOUT "https://example.org/concerto")
set(CPACK_NSIS_CONTACT "concerto@example.org")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_CURRENT_LIST_DIR}/licence.txt")

# The installer speaks French (NSIS's own French strings) with texts of ours where CPack lets us.
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "concerto.exe")
set(CPACK_NSIS_EXTRA_PREINSTALL_COMMANDS "!insertmacro MUI_LANGUAGE \\\"French\\\"")
set(CPACK_NSIS_WELCOME_TITLE "Installation de Concerto")
set(CPACK_NSIS_FINISH_TITLE "Concerto est installé")
set(CPACK_NSIS_BRANDING_TEXT "Concerto — consultation citoyenne")

# Start menu: the application and the user guide.
set(CPACK_PACKAGE_EXECUTABLES "concerto" "Concerto")
set(CPACK_NSIS_MENU_LINKS "share/doc/concerto/guide-utilisateur.md" "Guide de l'utilisateur de Concerto")

# .concerto files (SQLite databases) open in Concerto on a double click; the association goes
# with the uninstaller, the files stay.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "
    WriteRegStr HKCR '.concerto' '' 'Concerto.Database'
    WriteRegStr HKCR 'Concerto.Database' '' 'Base de données Concerto'
    WriteRegStr HKCR 'Concerto.Database\\\\DefaultIcon' '' '$INSTDIR\\\\bin\\\\concerto.exe,0'
    WriteRegStr HKCR 'Concerto.Database\\\\shell\\\\open\\\\command' '' '\\\"$INSTDIR\\\\bin\\\\concerto.exe\\\" \\\"%1\\\"'
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "
    DeleteRegKey HKCR '.concerto'
    DeleteRegKey HKCR 'Concerto.Database'
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
")
