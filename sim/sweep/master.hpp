// The master file DIR/sweep.h5: one netCDF-4 compatible HDF5 file of virtual
// datasets (H5Pset_virtual) that stitch the run files together, so that
// xarray.open_dataset(DIR/"sweep.h5") gives every series as SERIES(run, replicate,
// period[, zone[, channel|group]]) and each swept parameter as a variable along
// `run`. A run file that does not exist (yet) reads as the fill value NaN; the
// source files are named relative to DIR, so the directory can be moved whole.
// Written as sweep.h5.tmp.PID, fsync'ed and renamed. Needs one finished run (for
// the shapes and coordinates); throws StoreError otherwise.
#pragma once
#include <hdf5.h>

#include <filesystem>
#include <functional>

namespace hukou::sweep {

// `extra` (optional) adds objects to the file before it is closed (the
// sensitivity group).
void write_master(const std::filesystem::path& dir, const std::function<void(hid_t)>& extra = {});

}  // namespace hukou::sweep
