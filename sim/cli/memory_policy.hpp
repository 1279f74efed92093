// How the hukou program has glibc's malloc manage freed memory.
//
// glibc serves a block over its mmap threshold (128 KiB at first, raised as blocks
// are freed, up to 32 MiB) by mmap, and unmaps it when it is freed. On the
// project's machine (a PVM guest), an
// munmap of 16 MiB or more makes the hypervisor drop its mappings of the whole
// process: every page touched afterwards faults once more, a pass over the whole
// population's worth of faults. The population's blocks are freed during the
// build (synthesis, ordering) and during each period (the inflow's blocks), so the
// model paid that fee in the periods after them (docs/decisions/0009-memory-kept-for-reuse.md). And a page
// the process touches for the first time is costly there too.
//
// So freed memory is kept for reuse instead: no munmap, and no trimming of the
// heap. This costs peak memory (freed blocks stay resident) and spares the build
// and the periods those faults. Results do not depend on it.
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
