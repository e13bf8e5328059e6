// Turns an exception escaping a computation into a located Chinese error, so that no input can
// abort the process. Overflow (std::overflow_error from Rational, Money, Score) names
// docs/limits.md; anything else becomes an internal error that still names the file being
// processed. Contract: returns true when `body` finished; otherwise one error is in `diags`.
#pragma once

#include <new>
#include <stdexcept>
#include <string>

#include "core/diagnostics.h"

namespace jixiao {

template <typename Body>
bool Guarded(const std::string& file, Diagnostics& diags, Body&& body) {
  try {
    body();
    return true;
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
  } catch (const std::overflow_error&) {
    diags.Error("number.overflow", {file, 0, 0, ""},
                "数值过大，计算超出精确运算范围（金额、分值、数量的上限见 docs/limits.md）："
                "请检查金额的单位（元/万元）、分值和数量是否多写了位数");
  } catch (const std::domain_error& e) {
    diags.Error(
        "number.domain", {file, 0, 0, ""},
        std::string("无法计算：") + e.what() + "；请检查作为分母的金额、数量或分值是否为零");
  } catch (const std::length_error& e) {
    diags.Error("limit.exceeded", {file, 0, 0, ""}, e.what());
  } catch (const std::runtime_error& e) {
    diags.Error("system.failed", {file, 0, 0, ""}, std::string("无法完成：") + e.what());
  } catch (const std::bad_alloc&) {
    diags.Error("system.memory", {file, 0, 0, ""}, "内存不足：输入过大，请拆分文件或减少行数");
  } catch (const std::exception& e) {
    diags.Error("internal", {file, 0, 0, ""},
                std::string("内部错误（请把输入文件发给维护者）：") + e.what());
  }
  return false;
}

}  // namespace jixiao
