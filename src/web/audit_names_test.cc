// Issue 21: the admin's audit log names frameworks and documents as people know them, also in
// entries written before names were recorded (a 新建评价 with a framework id, an upload by its
// store id, an account's role as a key).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "web/db.h"
#include "web/handlers.h"

using jixiao::web::AuditObject;
using jixiao::web::AuditValue;
using jixiao::web::Db;
using jixiao::web::Doc;

TEST_CASE("old audit entries show framework and document names, not ids") {
  const std::string dir = "/tmp/jixiao-web-audit-names-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    auto db = Db::Open(dir);
    Doc upload;
    upload.id = "0123456789abcdef01234567";
    upload.kind = "framework";
    upload.title = "上传的医疗救助指标体系";
    upload.scorecard_json = "{\"id\":\"uploaded-medical-aid\",\"kind\":\"framework\"}";
    db->AddDoc(upload, "{}", "adm1", "上传");
    std::map<std::string, std::string> titles;
    // Written by an older serve: the shipped framework's id.
    CHECK(AuditValue(*db, "evaluation.create", "马桥镇医疗救助项目，指标体系 town-medical-aid-2024",
                     titles) == "马桥镇医疗救助项目，指标体系 2024年医疗救助项目绩效评价指标体系");
    CHECK(AuditValue(*db, "evaluation.create", "项目乙，指标体系 upload:0123456789abcdef01234567",
                     titles) == "项目乙，指标体系 上传的医疗救助指标体系（上传，第 1 版）");
    CHECK(AuditValue(*db, "evaluation.create", "项目丙，指标体系 uploaded-medical-aid", titles) ==
          "项目丙，指标体系 上传的医疗救助指标体系");
    // Written now: the title already, kept.
    CHECK(AuditValue(*db, "evaluation.create",
                     "项目丁，指标体系 2024年医疗救助项目绩效评价指标体系",
                     titles) == "项目丁，指标体系 2024年医疗救助项目绩效评价指标体系");
    CHECK(AuditValue(*db, "user.add", "admin", titles) == "管理员");
    CHECK(AuditValue(*db, "user.add", "bureau", titles) == "财政局");
    CHECK(AuditValue(*db, "region.rename", "奉贤区", titles) == "奉贤区");
    // The upload's own entries name it by title, not by its store id.
    CHECK(AuditObject(*db, "framework:0123456789abcdef01234567", titles) ==
          "指标体系“上传的医疗救助指标体系”");
  }
  std::filesystem::remove_all(dir);
}
