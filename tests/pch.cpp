// The target that builds the tests' shared precompiled header (tests/CMakeLists.txt)
// needs a source of its own; it defines nothing.
