// attachments/ of a case directory (docs/case-format.md, “附件”): one file per attachment, named
// “附件2-1 访谈情况分析报告.md” (appended section) or “附件6-1 关于…的通知.pdf” (另附).

#include <algorithm>
#include <filesystem>

#include "core/limits.h"
#include "core/text.h"
#include "ingest/case_loader.h"

namespace jixiao {
namespace {

const char* const kNameForm =
    "附件文件名须写成“附件编号 标题.扩展名”，如“附件2-1 访谈情况分析报告.md”（随报告附上的正文）"
    "或“附件6-1 关于…的通知.pdf”（另附的文件）";

void ReadOne(const std::string& dir, const std::string& name, std::vector<Attachment>& out,
             Diagnostics& diags) {
  std::string path = dir + "/attachments/" + name;
  Location at{path, 0, 0, ""};
  if (!IsValidUtf8(name)) {
    diags.Error("case.attachment_name", at,
                "附件文件名不是 UTF-8 编码，请重命名：" + std::string(kNameForm));
    return;
  }
  // A name or type that cannot be read leaves the file out (a warning); a reference to it then
  // shows as dangling. Hostile files below are errors.
  auto parsed = ParseAttachmentFileName(name);
  if (!parsed) {
    diags.Warning("case.attachment_name", at,
                  std::string("无法从文件名读出附件编号和标题，已略过。") + kNameForm);
    return;
  }
  bool external = parsed->extension != ".md";
  if (external && !IsExternalAttachmentExtension(parsed->extension)) {
    diags.Warning("case.attachment_type", at,
                  "不接受“" + parsed->extension +
                      "”类型的附件，已略过：随报告附上的正文用 .md；另附的文件可用 .pdf、.docx、"
                      ".doc、.xlsx、.xls、.ofd、.wps、.txt、.png、.jpg、.zip");
    return;
  }
  if (!IsInside(path, dir)) {
    diags.Error("case.attachment_path", at,
                "附件是指向案例目录外的符号链接：请把文件本身复制到 attachments/ 目录");
    return;
  }
  if (!IsRegularFile(path)) {
    diags.Error("case.attachment_file", at,
                "附件不是普通文件（是 FIFO、设备或失效的链接）：请换成普通文件或删除");
    return;
  }
  // Size limits (docs/limits.md) before reading: an appended text is parsed and laid out, an
  // external file is only copied.
  int64_t limit = external ? limits::kMaxAttachmentBytes : limits::kMaxAppendedAttachmentBytes;
  std::string why;
  auto bytes = ReadFileBytes(path, &why, limit);
  if (!bytes) {
    diags.Error("case.attachment_file", at, "无法读取附件：" + why);
    return;
  }
  Attachment a;
  a.number = parsed->number;
  for (char c : parsed->title)  // a control character in a file name never reaches the report
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) a.title += c;
  a.file = path;
  a.extension = parsed->extension;
  a.external = external;
  if (external) {
    a.bytes = std::move(*bytes);
  } else if (!IsValidUtf8(*bytes)) {
    diags.Error("case.attachment_encoding", at, "附件正文（.md）必须是 UTF-8 编码，请另存为 UTF-8");
    return;
  } else {
    a.text = std::move(*bytes);
  }
  out.push_back(std::move(a));
}

}  // namespace

void LoadAttachments(const std::string& dir, std::vector<Attachment>& out, Diagnostics& diags) {
  std::string folder = dir + "/attachments";
  if (!PathExists(folder)) return;
  if (!IsInside(folder, dir)) {
    diags.Error(
        "case.attachment_path", {folder, 0, 0, ""},
        "attachments/ 是指向案例目录外的符号链接：请把附件复制到案例自己的 attachments/ 目录");
    return;
  }
  if (!IsDirectory(folder)) {
    diags.Error("case.attachment_path", {folder, 0, 0, ""},
                "attachments 必须是目录（每个附件一个文件），请改名或删除");
    return;
  }
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    std::string name = entry.path().filename().string();
    // Hidden files and Office lock files are not attachments; subfolders may hold pictures.
    if (StartsWith(name, ".") || StartsWith(name, "~$") || IsDirectory(entry.path().string()))
      continue;
    names.push_back(name);
  }
  if (ec)
    diags.Error("case.attachment_path", {folder, 0, 0, ""},
                "无法列出 attachments/ 目录：" + SystemErrorText(ec.value()));
  std::sort(names.begin(), names.end());
  size_t first = out.size();
  for (const auto& name : names) ReadOne(dir, name, out, diags);
  std::stable_sort(out.begin() + first, out.end(), [](const Attachment& a, const Attachment& b) {
    return AttachmentNumberLess(a.number, b.number);
  });
  for (size_t i = first + 1; i < out.size(); ++i)
    if (out[i].number == out[i - 1].number)
      diags.Error("case.attachment_duplicate", {out[i].file, 0, 0, ""},
                  "附件" + out[i].number + "有两个文件（另一个是" + out[i - 1].file +
                      "）：每个附件编号只能对应一个文件，请删除或改号");
}

}  // namespace jixiao
