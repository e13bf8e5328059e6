#include "case_generator.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <random>

namespace jixiao::bench {
namespace {

const char* const kTowns[] = {"马桥镇",   "七宝镇",   "颛桥镇", "华漕镇",    "虹桥镇",
                              "梅陇镇",   "吴泾镇",   "浦江镇", "古美街道",  "江川路街道",
                              "新虹街道", "浦锦街道", "莘庄镇", "莘庄工业区"};
const char* const kProjects[] = {"医疗救助", "社区养老服务", "河道保洁", "绿化养护",
                                 "垃圾分类", "老旧小区改造", "就业援助", "文化活动"};

std::string Fen(long long fen) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s%lld.%02lld", fen < 0 ? "-" : "", std::llabs(fen) / 100,
                std::llabs(fen) % 100);
  return buffer;
}

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

std::vector<std::string> GenerateCases(const std::string& out_dir,
                                       const std::string& framework_path, int count,
                                       unsigned seed) {
  std::mt19937 rng(seed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const char* const levels3[] = {"合理", "较合理", "不合理"};
  const char* const levels_clear[] = {"明确", "较明确", "不明确"};
  const char* const levels_sound[] = {"健全", "基本健全", "不健全"};
  const char* const levels_effect[] = {"有效", "较有效", "无效"};
  for (size_t slash = 1; slash != std::string::npos; slash = out_dir.find('/', slash + 1))
    mkdir(out_dir.substr(0, slash).c_str(), 0755);  // parents first, like mkdir -p
  mkdir(out_dir.c_str(), 0755);
  std::vector<std::string> paths;
  for (int i = 0; i < count; ++i) {
    std::string town = kTowns[i % 14];
    std::string project = kProjects[(i / 14) % 8];
    int year = 2022 + (i / 112) % 3;
    std::string dir = out_dir + "/case-" + std::to_string(i);
    mkdir(dir.c_str(), 0755);
    auto pick = [&](const char* const* options) {
      return std::string(options[uniform(0, 9) < 7 ? 0 : uniform(1, 2)]);
    };
    auto deductions = [&](const char* reason) {
      int n = uniform(0, 9) < 6 ? 0 : uniform(1, 2);
      std::string out = "[";
      for (int k = 0; k < n; ++k)
        out += std::string(k ? ", " : "") + "{\"amount\": \"" + (uniform(0, 1) ? "25%" : "1/3") +
               "\", \"reason\": \"" + reason + "\"}";
      return out + "]";
    };
    std::string json = "{\n  \"id\": \"gen-" + std::to_string(i) + "\",\n  \"framework\": \"" +
                       framework_path + "\",\n  \"project\": {\"name\": \"" + std::to_string(year) +
                       "年" + town + project + "项目\", \"year\": \"" + std::to_string(year) +
                       "\", \"town\": \"" + town + "\"},\n";
    json += "  \"metrics\": {\n";
    json += "    \"实际完成率\": {\"value\": " + std::to_string(uniform(85, 100)) +
            ", \"unit\": \"%\", \"source\": \"工作台账\"},\n";
    json += "    \"质量达标率\": {\"value\": " + std::to_string(uniform(78, 100)) + "." +
            std::to_string(uniform(0, 9)) + ", \"unit\": \"%\", \"source\": \"验收记录\"},\n";
    json += "    \"服务对象满意度\": {\"value\": " + std::to_string(uniform(55, 99)) + "." +
            std::to_string(uniform(10, 99)) +
            ", \"unit\": \"%\", \"source\": \"问卷调查\"}\n  },\n";
    json += "  \"findings\": {\n";
    json += "    \"A11\": {\"value\": \"充分\", \"deductions\": " +
            deductions("立项依据未覆盖全部内容") + "},\n";
    json +=
        "    \"A12\": {\"met_elements\": [1, 2" + std::string(uniform(0, 3) ? ", 3" : "") + "]},\n";
    json += "    \"A21\": {\"level\": \"" + pick(levels3) + "\"},\n";
    json += "    \"A22\": {\"level\": \"" + pick(levels_clear) + "\"},\n";
    json += "    \"A31\": {\"value\": \"较科学\", \"deductions\": " + deductions("测算依据不充分") +
            "},\n";
    json += "    \"B13\": {\"value\": \"合规\", \"deductions\": []},\n";
    json += "    \"B21\": {\"level\": \"" + pick(levels_sound) + "\"},\n";
    json += "    \"B22\": {\"value\": \"有效\", \"deductions\": " + deductions("个别审批手续不全") +
            "},\n";
    json += "    \"D11\": {\"level\": \"" + pick(levels_effect) + "\"},\n";
    json += "    \"D12\": {\"value\": \"显著\", \"deductions\": " + deductions("部分效益未显现") +
            "},\n";
    json += "    \"D13\": {\"value\": \"无负面影响\"},\n";
    json += "    \"D14\": {\"met_elements\": [1" + std::string(uniform(0, 2) ? ", 2" : "") +
            "]}\n  }\n}\n";
    Write(dir + "/case.json", json);
    std::string budget = "序号,项目构成,项目明细,资金来源,年初预算,调整金额,调整后预算,实际支出\n";
    long long initial_sum = 0, adjusted_sum = 0;
    int lines = uniform(3, 8);
    for (int l = 1; l <= lines; ++l) {
      long long initial = uniform(10000, 500000) * 100LL;
      long long adjustment = uniform(0, 4) ? uniform(-20000, 40000) * 100LL + uniform(0, 99) : 0;
      long long adjusted = initial + adjustment;
      long long actual = uniform(0, 5) ? adjusted : adjusted - uniform(0, 5000) * 100LL;
      initial_sum += initial;
      adjusted_sum += adjusted;
      budget += std::to_string(l) + ",构成" + std::to_string(l) + ",明细" + std::to_string(l) +
                ",区级," + Fen(initial) + "," + Fen(adjustment) + "," + Fen(adjusted) + "," +
                Fen(actual) + "\n";
    }
    Write(dir + "/budget.csv", budget);
    long long received = uniform(0, 9) ? adjusted_sum : adjusted_sum - uniform(1, 10000) * 100LL;
    Write(dir + "/funding.csv",
          "资金来源,预算金额,到位金额\n区级," + Fen(adjusted_sum) + "," + Fen(received) + "\n");
    std::string transfers = "事项,金额,截止日期,实际日期\n";
    for (int t = 1; t <= 4; ++t) {
      int due_day = uniform(6, 20), late = uniform(0, 9) < 7 ? -uniform(0, 5) : uniform(1, 8);
      char row[160];
      std::snprintf(row, sizeof row, "划拨%d,%s,%d-%02d-%02d,%d-%02d-%02d\n", t,
                    Fen(uniform(1000, 90000) * 100LL).c_str(), year, t * 3, due_day, year, t * 3,
                    due_day + late);
      transfers += row;
    }
    Write(dir + "/transfers.csv", transfers);
    paths.push_back(dir);
  }
  return paths;
}

}  // namespace jixiao::bench
