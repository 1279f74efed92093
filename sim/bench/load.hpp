// How busy other processes kept the machine during a measurement: the machine's
// busy CPU time (/proc/stat) less this process's own (getrusage), over the
// machine's capacity. Benchmarks on a shared machine are only comparable when
// this is near 0; the report shows it so a reader can tell.
#pragma once

namespace hukou::bench {

class OtherLoad {
 public:
  OtherLoad();  // starts the interval
  // Share of all CPUs' time, since construction, spent on other processes (0..1);
  // 0 where /proc/stat cannot be read.
  double share() const;

 private:
  double busy_ = 0.0, total_ = 0.0, own_ = 0.0;  // seconds at the start
};

}  // namespace hukou::bench
