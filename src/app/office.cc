#include "app/office.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text.h"

extern char** environ;

namespace jixiao {
namespace {

std::optional<std::string> OnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0 && IsRegularFile(candidate)) return candidate;
  }
  return std::nullopt;
}

// In the watchdog (below): the process that started it died, so take its whole group with it.
void KillOwnGroup(int) { kill(0, SIGKILL); }

// Runs argv with stdin/stdout/stderr on /dev/null (extra "NAME=value" settings added to the
// environment); the exit status, or -1. The child never outlives the thread that runs it, even
// after a SIGKILL of this process: a watchdog child leads a process group of its own, asks the
// kernel for SIGUSR1 when its parent dies (PR_SET_PDEATHSIG) and then kills that group, which
// holds the program and everything it starts (LibreOffice's soffice.bin under oosplash). Between
// fork and exec only async-signal-safe calls are made.
int Run(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env = {}) {
  std::vector<std::string> env_strings(extra_env);
  for (char** e = environ; e && *e; ++e) env_strings.push_back(*e);
  std::vector<char*> env;
  for (auto& e : env_strings) env.push_back(const_cast<char*>(e.c_str()));
  env.push_back(nullptr);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t parent = getpid();
  pid_t watchdog = fork();
  if (watchdog < 0) return -1;
  if (watchdog == 0) {
    setpgid(0, 0);
    struct sigaction on_death {};
    on_death.sa_handler = KillOwnGroup;
    sigaction(SIGUSR1, &on_death, nullptr);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &unblock, nullptr);
    prctl(PR_SET_PDEATHSIG, SIGUSR1);
    if (getppid() != parent) kill(0, SIGKILL);  // the parent died before prctl
    pid_t child = fork();
    if (child < 0) _exit(127);
    if (child == 0) {
      signal(SIGUSR1, SIG_DFL);
      sigset_t none;
      sigemptyset(&none);
      sigprocmask(SIG_SETMASK, &none, nullptr);
      int null_in = open("/dev/null", O_RDONLY), null_out = open("/dev/null", O_WRONLY);
      if (null_in < 0 || null_out < 0) _exit(127);
      dup2(null_in, 0);
      dup2(null_out, 1);
      dup2(null_out, 2);
      execve(args[0], args.data(), env.data());
      _exit(127);
    }
    int status = 0;
    while (waitpid(child, &status, 0) < 0)
      if (errno != EINTR) _exit(127);
    _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 127);
  }
  int status = 0;
  while (waitpid(watchdog, &status, 0) < 0)
    if (errno != EINTR) return -1;
  if (!WIFEXITED(status) || WEXITSTATUS(status) == 127) return -1;
  return WEXITSTATUS(status);
}

class Scratch {
 public:
  explicit Scratch(const std::string& parent) {
    static std::atomic<int> counter{0};
    std::string base = parent.empty() ? "." : parent;
    std::filesystem::create_directories(base, error_);
    dir_ = base + "/.jixiao-office-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
    std::filesystem::create_directory(dir_, error_);
  }
  ~Scratch() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  bool ok() const { return !error_; }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  std::error_code error_;
};

// The faces the reference styles name, each with its fallbacks: a real 仿宋 when installed, else
// the CJK serif of fonts-noto-cjk (黑体 to the sans), so the PDF never falls back arbitrarily.
const char* const kFontsConf = R"(<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="strong"><family>仿宋_GB2312</family><prefer><family>FangSong</family><family>仿宋</family><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>仿宋</family><prefer><family>FangSong</family><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>FangSong</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>楷体_GB2312</family><prefer><family>KaiTi</family><family>楷体</family><family>AR PL UKai CN</family><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>楷体</family><prefer><family>KaiTi</family><family>AR PL UKai CN</family><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>宋体</family><prefer><family>SimSun</family><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>黑体</family><prefer><family>SimHei</family><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
)";

bool WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

std::string Squeeze(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r') out += c;
  return out;
}

// The number a page's footer prints (its last line, when only digits: the body counts from 1
// after the unnumbered cover and contents), else its place in the file.
int PrintedNumber(const std::vector<std::string>& page, int place) {
  for (auto line = page.rbegin(); line != page.rend(); ++line) {
    if (line->empty()) continue;
    bool digits = line->size() <= 4;
    for (char c : *line) digits = digits && c >= '0' && c <= '9';
    return digits ? std::stoi(*line) : place;
  }
  return place;
}

}  // namespace

std::optional<std::string> OfficeBinary() {
  if (const char* env = std::getenv("JIXIAO_OFFICE")) {
    std::string value = env;
    if (value == "none" || value.empty()) return std::nullopt;
    if (access(value.c_str(), X_OK) == 0) return value;
    return OnPath(value);
  }
  if (auto s = OnPath("soffice")) return s;
  return OnPath("libreoffice");
}

std::optional<std::string> DocxToPdf(const std::string& docx, const std::string& scratch_parent,
                                     Diagnostics& diags) {
  auto office = OfficeBinary();
  if (!office) {
    diags.Error("pdf.no_office", {"--formats", 0, 0, "pdf"},
                "生成 PDF 需要 LibreOffice：请安装（Debian：apt-get install "
                "libreoffice-writer-nogui，或运行 scripts/bootstrap.sh --checks），"
                "或从 --formats 中去掉 pdf");
    return std::nullopt;
  }
  Scratch scratch(scratch_parent);
  std::string in = scratch.dir() + "/report.docx";
  if (!scratch.ok() || !WriteFile(in, docx)) {
    diags.Error("pdf.scratch", {scratch.dir(), 0, 0, ""}, "无法在输出目录中创建临时文件以生成 PDF");
    return std::nullopt;
  }
  std::string profile = "-env:UserInstallation=file://" +
                        std::filesystem::absolute(scratch.dir()).string() + "/profile";
  std::vector<std::string> env;
  std::string fonts = scratch.dir() + "/fonts.conf";
  if (IsRegularFile("/etc/fonts/fonts.conf") && WriteFile(fonts, kFontsConf))
    env.push_back("FONTCONFIG_FILE=" + std::filesystem::absolute(fonts).string());
  int rc = Run({*office, profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                scratch.dir(), in},
               env);
  auto pdf = ReadFileBytes(scratch.dir() + "/report.pdf");
  if (rc != 0 || !pdf || pdf->empty()) {
    diags.Error("pdf.convert", {*office, 0, 0, ""},
                "LibreOffice 未能把报告转换为 PDF（退出码 " + std::to_string(rc) +
                    "）：请确认 LibreOffice 可以在无界面模式下运行");
    return std::nullopt;
  }
  return pdf;
}

std::vector<int> HeadingPages(const std::string& pdf, const std::vector<std::string>& headings,
                              const std::string& scratch_parent) {
  auto tool = OnPath("pdftotext");
  if (!tool) return {};
  Scratch scratch(scratch_parent);
  std::string in = scratch.dir() + "/report.pdf", out = scratch.dir() + "/report.txt";
  if (!scratch.ok() || !WriteFile(in, pdf) || Run({*tool, "-layout", in, out}) != 0) return {};
  auto text = ReadFileBytes(out);
  if (!text) return {};
  return HeadingPagesInText(*text, headings);
}

std::vector<int> HeadingPagesInText(const std::string& text,
                                    const std::vector<std::string>& headings) {
  std::vector<std::vector<std::string>> pages(1);
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    for (size_t form; (form = line.find('\f')) != std::string::npos;) {
      pages.back().push_back(Squeeze(line.substr(0, form)));
      pages.emplace_back();
      line = line.substr(form + 1);
    }
    pages.back().push_back(Squeeze(line));
  }
  size_t page = 0;
  for (size_t p = 0; p < pages.size(); ++p)  // start after the TOC page
    for (const auto& l : pages[p])
      if (l == "目录") page = p + 1;
  std::vector<int> found;
  for (const auto& heading : headings) {
    std::string want = Squeeze(heading);
    int at = 0;
    // An appendix chapter (附件…) opens its page; the 附件目录 lines before it read the same.
    if (StartsWith(want, "附件"))
      for (size_t p = page; p < pages.size() && !at; ++p)
        for (const auto& l : pages[p])
          if (!l.empty()) {
            if (l == want) at = static_cast<int>(p) + 1, page = p;
            break;
          }
    for (size_t p = page; p < pages.size() && !at; ++p)
      for (const auto& l : pages[p])
        if (l == want) {
          at = static_cast<int>(p) + 1;
          page = p;
          break;
        }
    found.push_back(at ? PrintedNumber(pages[static_cast<size_t>(at) - 1], at) : 0);
  }
  return found;
}

}  // namespace jixiao
