// One scored case: the framework it was scored against, the case, and its scorecard. Produced by
// app/pipeline (EvaluateCaseDir), consumed by the report, the archive and comparisons.
#pragma once

#include <memory>

#include "model/case.h"
#include "model/framework.h"
#include "scoring/scorecard.h"

namespace jixiao {

struct Evaluation {
  std::shared_ptr<const Framework> framework;  // shared by every case of a batch
  Case c;
  Scorecard card;
};

}  // namespace jixiao
