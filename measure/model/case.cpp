#include "measure/model/case.hpp"

namespace perfmatrix {

const char* to_string(Placement p) {
    switch (p) {
        case Placement::exclusive: return "exclusive";
        case Placement::shared: return "shared";
    }
    return "unknown";
}

}  // namespace perfmatrix
