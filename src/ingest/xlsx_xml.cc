// SAX handlers (Poco::XML) for the parts of an xlsx: workbook, relationships, shared strings,
// styles. The worksheet handler lives in xlsx_sheet.cc.
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>

#include <cstdlib>
#include <exception>

#include "ingest/xlsx_parts.h"
#include "ingest/xlsx_sax.h"

namespace jixiao::xlsx_internal {

std::string Attribute(const Poco::XML::Attributes& attrs, const std::string& local_name,
                      bool namespaced) {
  for (int i = 0; i < attrs.getLength(); ++i) {
    if (attrs.getLocalName(i) != local_name) continue;
    if (namespaced != !attrs.getURI(i).empty()) continue;
    return attrs.getValue(i);
  }
  return "";
}

void ParseXml(const std::string& file, const std::string& part, const std::string& xml,
              Poco::XML::ContentHandler& handler) {
  Poco::XML::SAXParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACE_PREFIXES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  parser.setContentHandler(&handler);
  try {
    parser.parseMemoryNP(xml.data(), xml.size());
  } catch (const InputError&) {
    throw;
  } catch (const Poco::XML::SAXParseException& e) {
    Fail(file,
         part + ":" + std::to_string(e.getLineNumber()) + ":" + std::to_string(e.getColumnNumber()),
         "xlsx.bad_xml",
         "部件的 XML 有误（" + e.message() + "）；文件已损坏，请在 Excel 中重新保存");
  } catch (const std::exception& e) {
    Fail(file, part, "xlsx.bad_xml",
         std::string("部件的 XML 无法解析（") + e.what() + "）；文件已损坏，请在 Excel 中重新保存");
  }
}

namespace {

class WorkbookHandler : public Poco::XML::DefaultHandler {
 public:
  WorkbookInfo info;
  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local,
                    const Poco::XML::XMLString&, const Poco::XML::Attributes& attrs) override {
    if (local == "workbookPr") {
      const std::string flag = Attribute(attrs, "date1904", false);
      info.date1904 = flag == "1" || flag == "true";
    } else if (local == "sheet") {
      info.sheets.push_back({Attribute(attrs, "name", false), Attribute(attrs, "id", true)});
    }
  }
};

class RelationshipsHandler : public Poco::XML::DefaultHandler {
 public:
  std::vector<Relationship> rels;
  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local,
                    const Poco::XML::XMLString&, const Poco::XML::Attributes& attrs) override {
    if (local != "Relationship" || Attribute(attrs, "TargetMode", false) == "External") return;
    rels.push_back({Attribute(attrs, "Id", false), Attribute(attrs, "Type", false),
                    Attribute(attrs, "Target", false)});
  }
};

// Collects the text of <si> (shared strings) or <is> (inline strings): the <t> runs, without
// phonetic <rPh> runs.
class SharedStringsHandler : public Poco::XML::DefaultHandler {
 public:
  std::vector<std::string> strings;
  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local,
                    const Poco::XML::XMLString&, const Poco::XML::Attributes&) override {
    text_.Start(local);
    if (local == "si") text_.Reset();
  }
  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local,
                  const Poco::XML::XMLString&) override {
    text_.End(local);
    if (local == "si") strings.push_back(text_.value);
  }
  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    text_.Characters(ch + start, length);
  }

 private:
  RichText text_;
};

class StylesHandler : public Poco::XML::DefaultHandler {
 public:
  std::map<int, std::string> custom;
  std::vector<int> xf_formats;
  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local,
                    const Poco::XML::XMLString&, const Poco::XML::Attributes& attrs) override {
    if (local == "numFmt") {
      custom[std::atoi(Attribute(attrs, "numFmtId", false).c_str())] =
          Attribute(attrs, "formatCode", false);
    } else if (local == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (local == "xf" && in_cell_xfs_) {
      xf_formats.push_back(std::atoi(Attribute(attrs, "numFmtId", false).c_str()));
    }
  }
  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local,
                  const Poco::XML::XMLString&) override {
    if (local == "cellXfs") in_cell_xfs_ = false;
  }

 private:
  bool in_cell_xfs_ = false;
};

std::string ResolveTarget(const std::string& base_part, const std::string& target) {
  std::string path;
  if (!target.empty() && target[0] == '/') {
    path = target.substr(1);
  } else {
    const size_t slash = base_part.rfind('/');
    path = (slash == std::string::npos ? "" : base_part.substr(0, slash + 1)) + target;
  }
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string piece = path.substr(start, end - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& piece : parts) out += (out.empty() ? "" : "/") + piece;
  return out;
}

}  // namespace

void RichText::Start(const std::string& local) {
  if (local == "rPh") ++phonetic_depth_;
  if (local == "t") in_t_ = true;
}
void RichText::End(const std::string& local) {
  if (local == "rPh" && phonetic_depth_ > 0) --phonetic_depth_;
  if (local == "t") in_t_ = false;
}
void RichText::Characters(const char* data, int length) {
  if (in_t_ && phonetic_depth_ == 0 && length > 0) value.append(data, static_cast<size_t>(length));
}

WorkbookInfo ParseWorkbookPart(const std::string& file, const std::string& part,
                               const std::string& xml) {
  WorkbookHandler handler;
  ParseXml(file, part, xml, handler);
  return handler.info;
}

std::vector<Relationship> ParseRelationships(const std::string& file, const std::string& part,
                                             const std::string& xml, const std::string& base_part) {
  RelationshipsHandler handler;
  ParseXml(file, part, xml, handler);
  for (Relationship& rel : handler.rels) rel.target = ResolveTarget(base_part, rel.target);
  return handler.rels;
}

std::vector<std::string> ParseSharedStrings(const std::string& file, const std::string& part,
                                            const std::string& xml) {
  SharedStringsHandler handler;
  ParseXml(file, part, xml, handler);
  return handler.strings;
}

std::vector<XlsxNumberStyle> ParseStyles(const std::string& file, const std::string& part,
                                         const std::string& xml) {
  StylesHandler handler;
  ParseXml(file, part, xml, handler);
  std::vector<XlsxNumberStyle> styles;
  for (int id : handler.xf_formats) {
    auto it = handler.custom.find(id);
    styles.push_back(it != handler.custom.end() ? StyleOfFormatCode(it->second)
                                                : StyleOfBuiltinFormat(id));
  }
  return styles;
}

}  // namespace jixiao::xlsx_internal
