// Case snapshots: every file of the folder kept (text and bytes), restored whole, hidden
// temporaries left out, paths leaving the folder refused, and differences named field by field.
#include "web/case_snapshot.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>

using namespace jixiao::web;
namespace fs = std::filesystem;

namespace {

void Write(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

}  // namespace

TEST_CASE("case snapshot: a folder is kept whole and restored whole") {
  fs::path root = fs::temp_directory_path() / ("jixiao-snap-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::path dir = root / "case";
  std::string png("\x89PNG\r\n\x1a\n\0\0\xff", 11);
  Write(dir / "case.json", "{\"project\":\"马桥镇\",\"year\":2024,\"towns\":[\"甲\",\"乙\"]}");
  Write(dir / "narrative/01-概述.md", "第一行\n第二行\n");
  Write(dir / "survey/responses.csv", "q1,q2\n5,4\n");
  Write(dir / "images/a.png", png);
  Write(dir / ".jixiao-123-0-x.tmp", "temporary");
  std::string v1 = SnapshotCase(dir.string());
  CHECK(IsCaseSnapshot(v1));
  CHECK(v1.find("temporary") == std::string::npos);
  CHECK(SnapshotCase(dir.string()) == v1);  // deterministic

  // Edit: one JSON field, one narrative line, one CSV row; a file added, one removed.
  Write(dir / "case.json", "{\"project\":\"马桥镇\",\"year\":2025,\"towns\":[\"甲\",\"丙\"]}");
  Write(dir / "narrative/01-概述.md", "第一行\n改过的第二行\n");
  Write(dir / "survey/responses.csv", "q1,q2\n5,3\n4,4\n");
  Write(dir / "findings.csv", "A21,1,原因\n");
  fs::remove(dir / "images/a.png");
  std::string v2 = SnapshotCase(dir.string());
  auto changes = DiffCaseSnapshots(v1, v2);
  std::map<std::string, std::pair<std::string, std::string>> by_place;
  for (const auto& c : changes) by_place[c.place] = {c.before, c.after};
  CHECK(by_place.size() == 7);
  CHECK(by_place["case.json year"] == std::make_pair(std::string("2024"), std::string("2025")));
  CHECK(by_place["case.json towns[1]"] == std::make_pair(std::string("乙"), std::string("丙")));
  CHECK(by_place["narrative/01-概述.md 第 2 行"].second == "改过的第二行");
  CHECK(by_place["survey/responses.csv 第 2 行"] ==
        std::make_pair(std::string("5,4"), std::string("5,3")));
  CHECK(by_place["survey/responses.csv 第 3 行"] ==
        std::make_pair(std::string(""), std::string("4,4")));
  CHECK(by_place["findings.csv 第 1 行"].second == "A21,1,原因");
  CHECK(by_place["images/a.png"].first == "（11 字节的文件）");
  CHECK(by_place["images/a.png"].second.empty());
  CHECK(DiffCaseSnapshots(v2, v2).empty());

  // Restore version 1: the folder is as it was, byte for byte, with nothing of version 2 left.
  std::string error;
  REQUIRE(RestoreCase(v1, dir.string(), error));
  CHECK(SnapshotCase(dir.string()) == v1);
  CHECK(Read(dir / "images/a.png") == png);
  CHECK_FALSE(fs::exists(dir / "findings.csv"));
  CHECK(Read(dir / "narrative/01-概述.md") == "第一行\n第二行\n");
  // Into a folder that does not exist yet (another process's data folder).
  REQUIRE(RestoreCase(v2, (root / "elsewhere").string(), error));
  CHECK(SnapshotCase((root / "elsewhere").string()) == v2);

  // Refused: not a snapshot; a path leaving the folder. The folder is left alone.
  CHECK_FALSE(RestoreCase("导入录入工作簿", dir.string(), error));
  CHECK(error.find("不能恢复") != std::string::npos);
  for (const char* bad : {"../evil.txt", "/etc/evil", "a/../../evil", "a//b"}) {
    std::string hostile = std::string("{\"format\":\"jixiao-case\",\"files\":[{\"path\":\"") + bad +
                          "\",\"text\":\"x\"}]}";
    CHECK_FALSE(RestoreCase(hostile, dir.string(), error));
  }
  CHECK_FALSE(fs::exists(root / "evil.txt"));
  CHECK(SnapshotCase(dir.string()) == v1);
  fs::remove_all(root);
}
