# What `cmake --install` puts where (GNUInstallDirs), the files the binary
# makes about itself at build time (the man page and the shell completions,
# from the same command-line tree that prints --help), and the .deb that
# CPack builds from it (scripts/package).
include(GNUInstallDirs)

set(VAULTDECK_GENERATED ${CMAKE_BINARY_DIR}/generated)
set(VAULTDECK_ZSH_COMPLETION_DIR "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions"
    CACHE STRING "Where the zsh completion goes (relative to the prefix)")

# vaultdeck_generate(FILE ARGS...): FILE in generated/ is `vaultdeck ARGS`.
# The arguments travel to the script joined by "|" (a ";" would split them).
function(vaultdeck_generate file)
  string(REPLACE ";" "|" args "${ARGN}")
  add_custom_command(OUTPUT ${VAULTDECK_GENERATED}/${file}
    COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:vaultdeck> -DARGS=${args} -DOUT=${VAULTDECK_GENERATED}/${file}
            -P ${CMAKE_SOURCE_DIR}/cmake/run_to_file.cmake
    DEPENDS vaultdeck ${CMAKE_SOURCE_DIR}/cmake/run_to_file.cmake
    COMMENT "Making ${file} from vaultdeck ${ARGN}" VERBATIM)
endfunction()
vaultdeck_generate(vaultdeck.1 --man-page)
vaultdeck_generate(vaultdeck.bash --completion bash)
vaultdeck_generate(_vaultdeck --completion zsh)
vaultdeck_generate(vaultdeck.fish --completion fish)
add_custom_target(vaultdeck_docs ALL DEPENDS
  ${VAULTDECK_GENERATED}/vaultdeck.1 ${VAULTDECK_GENERATED}/vaultdeck.bash
  ${VAULTDECK_GENERATED}/_vaultdeck ${VAULTDECK_GENERATED}/vaultdeck.fish)

install(TARGETS vaultdeck RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${VAULTDECK_GENERATED}/vaultdeck.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${VAULTDECK_GENERATED}/vaultdeck.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME vaultdeck)
install(FILES ${VAULTDECK_GENERATED}/_vaultdeck DESTINATION ${VAULTDECK_ZSH_COMPLETION_DIR})
install(FILES ${VAULTDECK_GENERATED}/vaultdeck.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES README.md docs/config.example.toml docs/status-json.md docs/list-json.md docs/runbooks.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/iam DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.json")

# The .deb: dependencies from dpkg-shlibdeps, so they name the libraries the
# binary links (libcurl4, libssl3, libncursesw6, libpq5, ...).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME vaultdeck)
set(CPACK_PACKAGE_VENDOR vaultdeck)
set(CPACK_PACKAGE_CONTACT "vaultdeck maintainers <vaultdeck@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "terminal console for AWS Backup and Amazon RDS backups")
set(CPACK_PACKAGE_DESCRIPTION
  "vaultdeck shows every recovery point, backup/copy/restore job and lifecycle in one place, checks every protected resource against its RPO (status for cron), and walks restores and restore-test drills step by step with runbooks.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "man-db, bash-completion")
set(CPACK_STRIP_FILES ON)
include(CPack)
