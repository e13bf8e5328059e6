// Key terms of indicator and budget names for matching by meaning rather than equality:
// "残疾人两项补贴发放人数" and "困难残疾人生活补贴" share 残疾/疾人/补贴. Terms are the Chinese
// character bigrams of a name, less generic measure words (人数, 人次, 数量 …), and its Latin words
// (WIFI, LED).
// Contract: pure.
#pragma once

#include <set>
#include <string>

namespace jixiao::targets {

std::set<std::string> KeyTerms(const std::string& name);

// How strongly two names refer to the same thing: shared terms / terms of the shorter name, 0 when
// they share fewer than two terms.
// `ignore`: terms that do not tell things apart (the project's subject, shared by most rows).
double Similarity(const std::string& a, const std::string& b,
                  const std::set<std::string>& ignore = {});

// Whether two names refer to the same thing (shared key terms, not equality).
bool SameThing(const std::string& a, const std::string& b,
               const std::set<std::string>& ignore = {});

// Whether two names, once the words they share are taken out (runs of two or more characters in
// both), each keep a word of their own (交通建设符合[环评审批]要求 / 建设符合[验收]要求,
// 项目实施[情况] / 项目实施[时间]): they name different things however many terms they share.
bool DifferentWords(const std::string& a, const std::string& b);

}  // namespace jixiao::targets
