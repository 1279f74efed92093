// How the hukou program has glibc's malloc manage freed memory.
//
// glibc serves a block over its mmap threshold (128 KiB at first, raised as blocks
// are freed, up to 32 MiB) by mmap, and unmaps it when it is freed. On the
// project's machine (a PVM guest), an
// munmap of 16 MiB or more makes the hypervisor drop its mappings of the whole
// process: every page touched afterwards costs about 4 us once more, which at
// 10 M agents is 0.1-0.27 s for one pass over the population. The population's
// blocks are freed during the build (synthesis, ordering) and during each period
// (the inflow's blocks), so the model paid that fee in the periods after them
// (docs/performance.md, "The allocator and the hypervisor"). And a page the
// process touches for the first time costs about 12 us there.
//
// So freed memory is kept for reuse instead: no munmap, and no trimming of the
// heap. This costs peak memory (freed blocks stay resident): at 20 M agents on 1
// thread the peak RSS is 1.32 GiB against 1.01 (with the base population joined in
// order of size, household_order.hpp), while the periods take 13 % less time and
// the build 26 % less. Results do not depend on it.
//
// A user's own malloc tunables win: with any `glibc.malloc.` setting in
// GLIBC_TUNABLES (e.g. `glibc.malloc.mmap_max=65536`, glibc's default, to return
// freed memory at once), nothing is changed.
#pragma once
#include <string_view>

namespace hukou::cli {

// Applies the policy, once, at the start of main(), unless the user's tunables
// say otherwise.
void keep_freed_memory();

// What is in effect, for `hukou bench` to report with its figures: "freed memory
// kept", "glibc's, from GLIBC_TUNABLES", or "glibc's defaults" (policy not
// applied, or refused by glibc).
std::string_view memory_policy();

}  // namespace hukou::cli
