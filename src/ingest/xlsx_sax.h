// Internal to the xlsx reader: shared SAX helpers (attribute lookup, parsing a part, rich text).
// Contract: ParseXml turns every XML error into InputError naming file, part and line:column.
#pragma once

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/ContentHandler.h>

#include <string>

namespace jixiao::xlsx_internal {

// The attribute with this local name; `namespaced` selects a prefixed one (r:id) or a plain one.
std::string Attribute(const Poco::XML::Attributes& attrs, const std::string& local_name,
                      bool namespaced);
void ParseXml(const std::string& file, const std::string& part, const std::string& xml,
              Poco::XML::ContentHandler& handler);

// Text of <si>/<is>: concatenated <t> runs, phonetic <rPh> runs left out.
class RichText {
 public:
  std::string value;
  void Reset() { value.clear(); }
  void Start(const std::string& local);
  void End(const std::string& local);
  void Characters(const char* data, int length);

 private:
  int phonetic_depth_ = 0;
  bool in_t_ = false;
};

}  // namespace jixiao::xlsx_internal
