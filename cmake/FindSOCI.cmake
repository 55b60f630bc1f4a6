# Debian's libsoci-dev ships neither a CMake config nor a pkg-config file, so the
# headers and the three libraries Concerto uses are located here by hand.
# Defines the imported targets SOCI::core, SOCI::sqlite3 and SOCI::postgresql.

find_path(SOCI_INCLUDE_DIR soci/soci.h)
find_library(SOCI_CORE_LIBRARY NAMES soci_core)
find_library(SOCI_SQLITE3_LIBRARY NAMES soci_sqlite3)
find_library(SOCI_POSTGRESQL_LIBRARY NAMES soci_postgresql)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SOCI
    REQUIRED_VARS SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_SQLITE3_LIBRARY SOCI_POSTGRESQL_LIBRARY)

if(SOCI_FOUND AND NOT TARGET SOCI::core)
    add_library(SOCI::core UNKNOWN IMPORTED)
    set_target_properties(SOCI::core PROPERTIES
        IMPORTED_LOCATION "${SOCI_CORE_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR}")
    foreach(backend sqlite3 postgresql)
        string(TOUPPER ${backend} upper)
        add_library(SOCI::${backend} UNKNOWN IMPORTED)
        set_target_properties(SOCI::${backend} PROPERTIES
            IMPORTED_LOCATION "${SOCI_${upper}_LIBRARY}"
            INTERFACE_LINK_LIBRARIES SOCI::core)
    endforeach()
endif()
