#pragma once
// Which way a metric improves. Times, RSS and faults: lower is better; GFLOP/s, bandwidth
// and rates: higher. The caller knows the metric and says which; statistics never guess.

namespace perfmatrix {

enum class Better { lower, higher };

}  // namespace perfmatrix
