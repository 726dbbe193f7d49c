#include "support/xml_check.h"
#ifdef CLAUSIER_XML_PARSER
#include <libxml/parser.h>
#include <memory>
#endif

namespace test_support {

#ifdef CLAUSIER_XML_PARSER
namespace {
void ignore_error(void*, xmlErrorPtr) {}   // the message is read from the context, not printed
}  // namespace

bool xml_well_formed(std::string_view doc, std::string& error) {
    xmlSetStructuredErrorFunc(nullptr, ignore_error);
    std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> ctx(xmlNewParserCtxt(), xmlFreeParserCtxt);
    if (!ctx) {
        error = "libxml2: out of memory";
        return false;
    }
    // No network, no entity substitution: the parser only reads.
    std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> parsed(
        xmlCtxtReadMemory(ctx.get(), doc.data(), int(doc.size()), nullptr, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
        xmlFreeDoc);
    if (!parsed || !ctx->wellFormed) {
        const xmlError* e = xmlCtxtGetLastError(ctx.get());
        error = e && e->message ? std::string(e->message) + " (ligne " + std::to_string(e->line) + ")" : "document XML mal formé";
        while (!error.empty() && (error.back() == '\n' || error.back() == ' ')) error.erase(error.size() - 1);
        return false;
    }
    if (parsed->intSubset) {
        error = "le document déclare une DTD";
        return false;
    }
    return true;
}
#else
bool xml_well_formed(std::string_view, std::string& error) {
    error = "aucun analyseur XML dans cette construction des tests";
    return false;
}
#endif

}  // namespace test_support
