#include "app/docx_styles.h"

#include <Poco/Exception.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/LexicalHandler.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>

#include "core/text.h"
#include "report/builder.h"

namespace jixiao {
namespace {

const char* const kWordMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// Records the root element and whether any DTD was seen (the byte scan refuses one first).
class StylesHandler : public Poco::XML::DefaultHandler, public Poco::XML::LexicalHandler {
 public:
  std::string root_uri, root_local;
  bool dtd = false;
  void startElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& local,
                    const Poco::XML::XMLString&, const Poco::XML::Attributes&) override {
    if (root_local.empty()) root_uri = uri, root_local = local;
  }
  void startDTD(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                const Poco::XML::XMLString&) override {
    dtd = true;
  }
  void endDTD() override {}
  void startEntity(const Poco::XML::XMLString&) override {}
  void endEntity(const Poco::XML::XMLString&) override {}
  void startCDATA() override {}
  void endCDATA() override {}
  void comment(const Poco::XML::XMLChar[], int, int) override {}
};

// The 1-based line of byte `at`.
int LineOf(const std::string& text, size_t at) {
  int line = 1;
  for (size_t i = 0; i < at && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

}  // namespace

bool CheckDocxStyles(const std::string& file, const std::string& xml, Diagnostics& diags) {
  const char* const kRedo =
      "：请换回 jixiao 自带的 templates/docx/styles.xml，或从 Word 另存的 .docx 中取出 "
      "word/styles.xml";
  if (!IsValidUtf8(xml)) {
    diags.Error("template.styles", {file, 0, 0, ""},
                std::string("styles.xml 必须是 UTF-8 编码的 XML") + kRedo);
    return false;
  }
  for (const char* declaration : {"<!DOCTYPE", "<!ENTITY", "<!ELEMENT", "<!ATTLIST"}) {
    size_t at = xml.find(declaration);
    if (at != std::string::npos) {
      diags.Error("template.styles", {file, LineOf(xml, at), 0, ""},
                  std::string("styles.xml 不得含 DOCTYPE/DTD 或实体声明（Word 会拒绝打开，"
                              "也可能被用来读取本机文件）") +
                      kRedo);
      return false;
    }
  }
  StylesHandler handler;
  Poco::XML::SAXParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACE_PREFIXES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  parser.setContentHandler(&handler);
  parser.setProperty(Poco::XML::XMLReader::PROPERTY_LEXICAL_HANDLER,
                     static_cast<Poco::XML::LexicalHandler*>(&handler));
  try {
    parser.parseMemoryNP(xml.data(), xml.size());
  } catch (const Poco::XML::SAXParseException& e) {
    diags.Error("template.styles", {file, e.getLineNumber(), e.getColumnNumber(), ""},
                "styles.xml 不是完整、合乎规范的 XML（文件被截断或损坏）" + std::string(kRedo));
    return false;
  } catch (const Poco::Exception&) {
    diags.Error("template.styles", {file, 0, 0, ""},
                "styles.xml 无法解析为 XML" + std::string(kRedo));
    return false;
  }
  if (handler.dtd) {
    diags.Error("template.styles", {file, 0, 0, ""},
                "styles.xml 不得含 DOCTYPE/DTD" + std::string(kRedo));
    return false;
  }
  if (handler.root_uri != kWordMain || handler.root_local != "styles") {
    diags.Error("template.styles", {file, 1, 0, ""},
                "styles.xml 的根元素必须是 WordprocessingML 的 <w:styles>" + std::string(kRedo));
    return false;
  }
  return true;
}

std::optional<std::string> ReadDocxStyles(const std::string& template_dir, Diagnostics& diags) {
  std::string file = template_dir + "/styles.xml";
  if (!PathExists(file))
    file = report::DefaultTemplateDir() + "/../docx/styles.xml";
  else if (!IsInside(file, template_dir)) {
    diags.Error("template.path", {file, 0, 0, ""},
                "styles.xml 是指向模板目录外的符号链接：请把样式文件本身复制到模板目录");
    return std::nullopt;
  }
  std::string why;
  auto styles = ReadFileBytes(file, &why);
  if (!styles) {
    diags.Error("template.missing", {file, 0, 0, ""},
                "无法读取 DOCX 参考样式 styles.xml（" + why + "）");
    return std::nullopt;
  }
  if (!CheckDocxStyles(file, *styles, diags)) return std::nullopt;
  return styles;
}

}  // namespace jixiao
