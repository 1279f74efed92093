// MPI for `hukou sweep --mpi` (built only with -DHUKOU_MPI=ON): rank r of n runs
// shard r/n, exactly as `--shard r/n` would; rank 0 prepares the directory before
// the others start and writes the master file after all have finished.
#pragma once

namespace hukou::sweep {

class MpiSession {
 public:
  MpiSession();   // MPI_Init_thread (funneled: only the main thread calls MPI)
  ~MpiSession();  // MPI_Finalize
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  int rank() const { return rank_; }
  int size() const { return size_; }
  void barrier() const;
  // Rank 0's value, on every rank (so that all ranks exit with rank 0's status).
  int from_root(int value) const;
  // Ends every rank (a rank that failed mid-sweep must not leave others in a barrier).
  [[noreturn]] void abort(int code) const;

 private:
  int rank_ = 0, size_ = 1;
};

}  // namespace hukou::sweep
