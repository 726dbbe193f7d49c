// output_checks.h — what every exported file must be, whatever the project held: checks shared by the fuzz
// targets (targets.h) and the hostile-input tests (tests/core/test_hostile.cpp). Each returns "" when the
// output is sound, otherwise a short description of the first problem found.
#pragma once
#include "export/export.h"
#include "base/text.h"
#include "support/xml_check.h"
#include "support/zip_read.h"
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace clausier::fuzz {

inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The attributes of one HTML tag starting at html[i] == '<' (after its name), as lowercased name/value
// pairs; `end` is set past the closing '>' (npos if the tag never closes).
inline std::vector<std::pair<std::string, std::string>> html_attributes(std::string_view html, size_t i, size_t& end) {
    std::vector<std::pair<std::string, std::string>> out;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/'; };
    while (i < html.size() && !space(html[i]) && html[i] != '>') ++i;
    for (;;) {
        while (i < html.size() && space(html[i])) ++i;
        if (i >= html.size()) { end = std::string_view::npos; return out; }
        if (html[i] == '>') { end = i + 1; return out; }
        size_t a = i;
        while (i < html.size() && !space(html[i]) && html[i] != '=' && html[i] != '>') ++i;
        std::string name = lower(html.substr(a, i - a)), value;
        if (i < html.size() && html[i] == '=') {
            ++i;
            if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
                const char q = html[i++];
                const size_t v = i;
                while (i < html.size() && html[i] != q) ++i;
                value = lower(html.substr(v, i - v));
                if (i < html.size()) ++i;
            } else {
                const size_t v = i;
                while (i < html.size() && !space(html[i]) && html[i] != '>') ++i;
                value = lower(html.substr(v, i - v));
            }
        }
        out.emplace_back(std::move(name), std::move(value));
    }
}

// An HTML page made by write_html: UTF-8, no element that runs code or fetches anything, no event-handler
// attribute, links (<a href>) only to http, https and mailto addresses, every '&' the start of an entity.
// Text from the project can only appear escaped.
inline std::string html_problem(std::string_view html) {
    if (!valid_utf8(html)) return "HTML: invalid UTF-8";
    static const char* const kForbiddenTags[] = {"script", "img", "iframe", "frame", "object", "embed", "link", "form",
                                                 "input", "button", "svg", "math", "base", "audio", "video", "source",
                                                 "textarea", "select", "template", "applet", "noscript", "image"};
    static const char* const kForbiddenAttributes[] = {"href", "src", "srcset", "action", "formaction", "background",
                                                       "poster", "data", "xlink:href", "ping", "manifest"};
    size_t i = html.find('<');
    while (i != std::string_view::npos) {
        size_t j = i + 1;
        if (j < html.size() && (html[j] == '/' || html[j] == '!')) ++j;
        size_t name_end = j;
        while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
        const std::string name = lower(html.substr(j, name_end - j));
        for (const char* t : kForbiddenTags)
            if (name == t) return "HTML: forbidden element <" + name + ">";
        if (name == "style") {   // the style sheet is CSS text up to </style>
            const size_t close = lower(html.substr(i)).find("</style");
            if (close == std::string::npos) return "HTML: unterminated style sheet";
            const std::string css = lower(html.substr(i, close));
            if (css.find("url(") != std::string::npos || css.find("@import") != std::string::npos)
                return "HTML: the style sheet fetches something";
            i = html.find('<', i + close + 1);
            continue;
        }
        size_t end = 0;
        for (const auto& [attr, value] : html_attributes(html, name_end, end)) {
            if (attr.rfind("on", 0) == 0) return "HTML: event-handler attribute " + attr;
            if (attr == "href" && name == "a") {   // a link the reader follows: web or e-mail addresses only
                if (value.rfind("https://", 0) != 0 && value.rfind("http://", 0) != 0 && value.rfind("mailto:", 0) != 0)
                    return "HTML: link to something else than a web or e-mail address: " + value;
                continue;
            }
            for (const char* a : kForbiddenAttributes)
                if (attr == a) return "HTML: fetching attribute " + attr;
            if (attr == "http-equiv" && value == "refresh") return "HTML: refresh";
            if (attr == "style" && value.find("url(") != std::string::npos) return "HTML: style fetches something";
        }
        if (end == std::string_view::npos) return "HTML: unterminated tag <" + name;
        i = html.find('<', end);
    }
    for (size_t k = html.find('&'); k != std::string_view::npos; k = html.find('&', k + 1)) {
        const size_t semi = html.find(';', k);
        if (semi == std::string_view::npos || semi - k > 10 || semi == k + 1) return "HTML: bare '&'";
        for (size_t c = k + 1; c < semi; ++c)
            if (!std::isalnum(static_cast<unsigned char>(html[c])) && html[c] != '#') return "HTML: bare '&'";
    }
    return "";
}

// Markdown from write_markdown: UTF-8, and every '<' and '&' escaped with a backslash so that no text can
// become HTML (CommonMark passes raw HTML through).
inline std::string markdown_problem(std::string_view md) {
    if (!valid_utf8(md)) return "Markdown: invalid UTF-8";
    for (size_t i = 0; i < md.size(); ++i) {
        if (md[i] == '\\') { ++i; continue; }
        if (md[i] == '<') return "Markdown: unescaped '<' at byte " + std::to_string(i);
        if (md[i] == '&') return "Markdown: unescaped '&' at byte " + std::to_string(i);
    }
    return "";
}

// Markers of content that runs code or fetches something when a word processor opens the file. Each is
// markup ('<' or '="'), which text from the project can never produce: it is escaped.
inline std::string office_marker(std::string_view part) {
    static const char* const kMarkers[] = {
        "TargetMode=\"External\"", "<w:instrText", "<w:fldSimple", "<w:fldChar", "vbaProject.bin\"", "<w:attachedTemplate",
        "xlink:href=\"http", "xlink:href=\"ftp", "xlink:href=\"file", "xlink:href=\"//", "xlink:href=\"\\\\",
        "<w:hyperlink", "<text:a ", "<office:script", "<script", "<o:OLEObject", "<w:object", "<draw:object",
        "<draw:plugin", "<w:altChunk", "<text:database", "<text:execute-macro", "<form:form", "<office:event-listeners",
        "<!DOCTYPE", "<!ENTITY"};
    // The footer's page number and page count and the contents' page references to the headings' bookmarks
    // are the only fields the DOCX writer makes: they run nothing.
    std::string rest(part);
    for (const char* allowed : {"<w:fldSimple w:instr=\" PAGE \">", "<w:fldSimple w:instr=\" NUMPAGES \">",
                                "<w:fldChar w:fldCharType=\"begin\"/>", "<w:fldChar w:fldCharType=\"separate\"/>",
                                "<w:fldChar w:fldCharType=\"end\"/>", "<w:instrText xml:space=\"preserve\"> PAGEREF sommaire-"})
        for (size_t at; (at = rest.find(allowed)) != std::string::npos;) rest.erase(at, std::string_view(allowed).size());
    for (const char* m : kMarkers)
        if (rest.find(m) != std::string::npos) return m;
    return "";
}

// A DOCX or ODT package: the ZIP reads back through its central directory (local headers, sizes and CRCs
// agree), every XML part is well-formed (where the build has an XML parser), nothing external, no macro, no field.
inline std::string package_problem(std::string_view bytes, Format f) {
    const char* what = f == Format::odt ? "ODT" : "DOCX";
    std::vector<test_support::ZipPart> entries;
    std::string error;
    if (!test_support::zip_read(bytes, entries, error)) return std::string(what) + ": unreadable ZIP: " + error;
    if (entries.empty()) return std::string(what) + ": empty ZIP";
    if (f == Format::odt && (entries[0].name != "mimetype" || entries[0].data != "application/vnd.oasis.opendocument.text"))
        return "ODT: mimetype is not the first, stored entry";
    bool main_part = false;
    for (const test_support::ZipPart& e : entries) {
        if (e.method != 0) return std::string(what) + ": compressed entry " + e.name;
        const bool xml = e.name.size() > 4 && (e.name.compare(e.name.size() - 4, 4, ".xml") == 0 ||
                                               e.name.compare(e.name.size() - 5, 5, ".rels") == 0);
        main_part = main_part || e.name == "word/document.xml" || e.name == "content.xml";
        if (!xml) continue;
        if (test_support::kXmlParser && !test_support::xml_well_formed(e.data, error)) return std::string(what) + ": " + e.name + " is not well-formed: " + error;
        if (!valid_utf8(e.data)) return std::string(what) + ": " + e.name + " is not UTF-8";
        const std::string marker = office_marker(e.data);
        if (!marker.empty()) return std::string(what) + ": " + e.name + " contains " + marker;
        if (e.name.find("vbaProject") != std::string::npos || e.name.find("Basic/") != std::string::npos ||
            e.name.find("Scripts/") != std::string::npos)
            return std::string(what) + ": macro part " + e.name;
    }
    if (!main_part) return std::string(what) + ": no main document part";
    return "";
}

inline std::string json_problem(std::string_view text, const char* what) {
    if (!valid_utf8(text)) return std::string(what) + ": invalid UTF-8";
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) return std::string(what) + ": does not parse";
    if (!doc.is_object()) return std::string(what) + ": not an object";
    return "";
}

// The right check for the bytes of one exported file.
inline std::string export_problem(std::string_view bytes, Format f) {
    switch (f) {
        case Format::html: return html_problem(bytes);
        case Format::md: return markdown_problem(bytes);
        case Format::docx: case Format::odt: return package_problem(bytes, f);
        case Format::json: return json_problem(bytes, "JSON");
        case Format::ocds: return json_problem(bytes, "OCDS");
        case Format::decp: return bytes.empty() ? "" : json_problem(bytes, "DECP");   // empty before the award
    }
    return "";
}

inline const Format kAllFormats[] = {Format::html, Format::md, Format::docx, Format::odt, Format::json, Format::ocds,
                                    Format::decp};
inline const DocumentKind kAllKinds[] = {DocumentKind::dce, DocumentKind::entreprise, DocumentKind::synthese,
                                         DocumentKind::execution};

}  // namespace clausier::fuzz
