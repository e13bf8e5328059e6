#include "core/text.h"

#include <fcntl.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "core/limits.h"

namespace jixiao {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t extra;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else
      return false;
    if (i + extra >= s.size()) return false;
    for (size_t k = 1; k <= extra; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += extra + 1;
  }
  return true;
}

namespace {

std::optional<std::string> Convert(std::string_view bytes, const char* from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1) || in_left != 0) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

std::optional<DecodedText> DecodeToUtf8(std::string_view bytes) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    // A file saved twice by tools that each add a BOM starts with two or more; all are dropped.
    while (StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (IsValidUtf8(bytes)) return DecodedText{std::string(bytes), "UTF-8 (BOM)"};
    return std::nullopt;
  }
  if (IsValidUtf8(bytes)) return DecodedText{std::string(bytes), "UTF-8"};
  if (auto text = Convert(bytes, "GB18030")) return DecodedText{*text, "GB18030"};
  if (auto text = Convert(bytes, "CP936")) return DecodedText{*text, "CP936"};
  return std::nullopt;
}

std::string Trim(std::string_view text) {
  static const std::string_view kIdeographicSpace = "\xE3\x80\x80";
  for (;;) {
    if (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' ||
                          text.front() == '\n')) {
      text.remove_prefix(1);
    } else if (StartsWith(text, kIdeographicSpace)) {
      text.remove_prefix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!text.empty() &&
        (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
      text.remove_suffix(1);
    } else if (EndsWith(text, kIdeographicSpace)) {
      text.remove_suffix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  return std::string(text);
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool IsRegularFile(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool IsDirectory(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool PathExists(const std::string& path) {
  struct stat st {};
  return lstat(path.c_str(), &st) == 0;
}

bool IsPlainRelativePath(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos ||
      path.find('\0') != std::string_view::npos)
    return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (path.substr(start, end - start) == "..") return false;
    start = end + 1;
  }
  return true;
}

bool IsInside(const std::string& path, const std::string& root) {
  char resolved_root[PATH_MAX], resolved[PATH_MAX];
  if (!realpath(root.c_str(), resolved_root)) return false;
  if (!realpath(path.c_str(), resolved)) return !PathExists(path) || errno == ENOENT;
  std::string r = resolved_root, p = resolved;
  if (r == "/") return true;
  return p.size() > r.size() && StartsWith(p, r) && p[r.size()] == '/';
}

std::string SafeFileName(std::string_view id) {
  std::string out;
  for (unsigned char c : id) {
    bool bad = c < 0x20 || c == 0x7F || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ||
               c == '"' || c == '<' || c == '>' || c == '|';
    out += bad ? '_' : static_cast<char>(c);
  }
  size_t dots = out.find_first_not_of(". ");
  out = dots == std::string::npos ? "" : out.substr(dots);
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  if (out.size() > 100) {
    size_t cut = 100;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  if (!IsValidUtf8(out)) out = "case";
  return out.empty() ? "case" : out;
}

std::string SystemErrorText(int error) {
  switch (error) {
    case ENOENT:
      return "文件或目录不存在";
    case EACCES:
    case EPERM:
      return "没有访问权限";
    case ENOTDIR:
      return "路径中的某一段不是目录";
    case EISDIR:
      return "这是一个目录，不是文件";
    case ELOOP:
      return "符号链接形成循环（或层数过多）";
    case ENAMETOOLONG:
      return "路径过长";
    case ENOSPC:
      return "磁盘空间不足";
    case EDQUOT:
      return "磁盘配额已满";
    case EROFS:
      return "文件系统只读";
    case EEXIST:
      return "同名文件已存在";
    case EMFILE:
    case ENFILE:
      return "打开的文件过多";
    case EIO:
      return "读写设备出错";
    case ENOMEM:
      return "内存不足";
    case EXDEV:
      return "不能跨文件系统移动文件";
    case EBUSY:
      return "文件正被占用";
    default:
      return "系统错误（错误号 " + std::to_string(error) + "）";
  }
}

namespace {
// A byte count in MiB for a message: whole MiB, or one decimal below 10 MiB.
std::string MiB(int64_t bytes) {
  if (bytes >= (10LL << 20)) return std::to_string(bytes >> 20);
  int64_t tenths = bytes * 10 / (1LL << 20);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}
}  // namespace

std::optional<std::string> ReadFileInside(const std::string& root, const std::string& relative,
                                          std::string* why) {
  if (!IsPlainRelativePath(relative)) {
    if (why) *why = "路径必须位于目录内：只写目录内的相对路径，不要用绝对路径、“..”或反斜杠";
    return std::nullopt;
  }
  std::string path = root + "/" + relative;
  if (PathExists(path) && !IsInside(path, root)) {
    if (why) *why = "是指向目录外的符号链接（或位于这样的子目录中）：请把文件本身复制进来";
    return std::nullopt;
  }
  return ReadFileBytes(path, why);
}

std::optional<std::string> ReadFileBytes(const std::string& path, std::string* why,
                                         int64_t max_bytes) {
  const int64_t limit = max_bytes >= 0 ? max_bytes : limits::kMaxInputFileBytes;
  auto fail = [&](const std::string& reason) -> std::optional<std::string> {
    if (why) *why = reason;
    return std::nullopt;
  };
  // O_NONBLOCK: opening a FIFO must not wait for a writer; non-regular files are refused below.
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return fail(SystemErrorText(errno));
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    bool is_dir = S_ISDIR(st.st_mode);
    close(fd);
    return fail(is_dir ? "这是一个目录，不是文件"
                       : "不是普通文件（管道、设备或套接字），请换成真实的文件");
  }
  if (st.st_size > limit) {
    close(fd);
    return fail("文件过大（" + MiB(st.st_size) + " MiB，上限 " + MiB(limit) +
                " MiB，见 docs/limits.md）");
  }
  std::string bytes;
  bytes.reserve(static_cast<size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      close(fd);
      return fail(SystemErrorText(error));
    }
    if (n == 0) break;
    bytes.append(buffer, static_cast<size_t>(n));
    if (static_cast<int64_t>(bytes.size()) > limit) {
      close(fd);
      return fail("文件过大（上限 " + MiB(limit) + " MiB）");
    }
  }
  close(fd);
  return bytes;
}

std::string JsonQuoted(std::string_view text) {
  std::string out = "\"";
  for (unsigned char ch : text) {
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (ch < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", ch);
          out += buffer;
        } else {
          out += static_cast<char>(ch);
        }
    }
  }
  return out + "\"";
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace jixiao
