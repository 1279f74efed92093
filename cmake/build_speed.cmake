# Compile-time savers; neither changes a flag or the code compiled (README.md, "Building by hand").
#
# Precompiled headers: the third-party and standard headers a part's sources include
# (toml++, Eigen, oneTBB, CLI11, Catch2) are parsed once per target instead of once
# per source file. Only outside headers, never the project's own: a source that forgets
# one of its own includes still fails to compile. With ccache, hits need
# CCACHE_SLOPPINESS=pch_defines,time_macros (the presets set it).
# -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON turns them off.
set(HUKOU_PCH_STD <algorithm> <cmath> <cstdint> <memory> <optional> <string> <string_view> <vector>)

# hukou_precompile(<target> <header>...): the common standard headers and these.
function(hukou_precompile target)
  target_precompile_headers(${target} PRIVATE ${HUKOU_PCH_STD} ${ARGN})
endfunction()

# Unity build (HUKOU_UNITY_CLI): the command line's sources compiled in batches of 8.
# Each of them includes CLI11, a header-only library whose inline code (App, Option,
# Formatter, their virtual functions) GCC generates again in every object file: about
# 20 of the 25 seconds of each such file under the ci preset's sanitizers. In batches
# it is generated once per batch. Sources with their own compile definitions are
# compiled alone (CMake's rule); so are those listed in HUKOU_UNITY_ALONE
# (sim/cli/CMakeLists.txt), whose file-local names clash with another file's.
option(HUKOU_UNITY_CLI "Compile the command line's sources in batches (unity build)" ON)
function(hukou_unity target)
  if(HUKOU_UNITY_CLI)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
    set_source_files_properties(${ARGN} TARGET_DIRECTORY ${target} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
  endif()
endfunction()
