# The fuzz preset's hukou_core: the scenario model, registries and results only,
# without the engine's processes (sim/core/processes), which the fuzz targets do not
# reach and which Debian's clang-14 cannot compile (it lacks C++20's lambda captures
# of structured bindings, which GCC 12 has).
file(GLOB HUKOU_FUZZ_CORE_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/sim/core/*.cpp)
add_library(hukou_core STATIC ${HUKOU_FUZZ_CORE_SOURCES})
target_include_directories(hukou_core PUBLIC ${PROJECT_SOURCE_DIR}/sim)
target_link_libraries(hukou_core PUBLIC Eigen3::Eigen TBB::tbb)
