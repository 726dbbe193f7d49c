#include "export/xml.h"
#include "document/document.h"
#include <set>
#include <vector>

namespace clausier {

std::string xml_escape(std::string_view s) {
    const std::string clean = clean_text(s);
    std::string out;
    out.reserve(clean.size() + clean.size() / 8);
    for (char c : clean) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

struct XmlChecker {
    std::string_view s;
    size_t i = 0;
    std::string error;

    bool fail(const std::string& what) {
        if (error.empty()) error = what + " (octet " + std::to_string(i) + ")";
        return false;
    }
    bool starts(std::string_view t) const { return s.substr(i, t.size()) == t; }
    void skip_space() { while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i; }
    static bool name_start(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (unsigned char)c >= 0x80;
    }
    static bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

    bool name(std::string& out) {
        size_t a = i;
        if (i >= s.size() || !name_start(s[i])) return fail("nom attendu");
        while (i < s.size() && name_char(s[i])) ++i;
        out.assign(s.substr(a, i - a));
        return true;
    }
    // Skips up to and past `end`, refusing "--" inside comments.
    bool skip_until(std::string_view end, const char* what) {
        size_t e = s.find(end, i);
        if (e == std::string_view::npos) return fail(std::string(what) + " non terminé");
        i = e + end.size();
        return true;
    }
    bool reference() {   // at '&'
        size_t e = s.find(';', i);
        if (e == std::string_view::npos || e - i > 12) return fail("« & » isolé");
        std::string_view ref = s.substr(i + 1, e - i - 1);
        bool ok = ref == "lt" || ref == "gt" || ref == "amp" || ref == "quot" || ref == "apos";
        if (!ok && ref.size() > 1 && ref[0] == '#') {
            bool hex = ref[1] == 'x';
            std::string_view digits = ref.substr(hex ? 2 : 1);
            ok = !digits.empty();
            for (char c : digits)
                ok = ok && ((c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))));
        }
        if (!ok) return fail("référence d'entité inconnue");
        i = e + 1;
        return true;
    }
    bool attributes(bool& self_closing) {
        std::set<std::string> seen;
        for (;;) {
            size_t before = i;
            skip_space();
            if (i >= s.size()) return fail("balise non terminée");
            if (s[i] == '>') { ++i; self_closing = false; return true; }
            if (starts("/>")) { i += 2; self_closing = true; return true; }
            if (i == before) return fail("espace attendue entre les attributs");
            std::string attr;
            if (!name(attr)) return false;
            if (!seen.insert(attr).second) return fail("attribut en double : " + attr);
            skip_space();
            if (i >= s.size() || s[i] != '=') return fail("« = » attendu");
            ++i;
            skip_space();
            if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) return fail("valeur d'attribut sans guillemets");
            char q = s[i++];
            while (i < s.size() && s[i] != q) {
                if (s[i] == '<') return fail("« < » dans une valeur d'attribut");
                if (s[i] == '&') { if (!reference()) return false; }
                else ++i;
            }
            if (i >= s.size()) return fail("valeur d'attribut non terminée");
            ++i;
        }
    }
    bool check() {
        if (starts("\xEF\xBB\xBF")) i += 3;
        if (starts("<?xml") && !skip_until("?>", "déclaration XML")) return false;
        std::vector<std::string> open;
        bool root_seen = false;
        while (i < s.size()) {
            if (s[i] != '<') {
                if (open.empty()) {
                    if (s[i] != ' ' && s[i] != '\n' && s[i] != '\r' && s[i] != '\t') return fail("texte hors de l'élément racine");
                    ++i;
                } else if (s[i] == '&') {
                    if (!reference()) return false;
                } else if (s[i] == '>' && i >= 2 && s.substr(i - 2, 2) == "]]") {
                    return fail("« ]]> » dans le texte");
                } else {
                    unsigned char c = s[i];
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return fail("caractère de contrôle interdit");
                    ++i;
                }
                continue;
            }
            if (starts("<!--")) { i += 4; if (!skip_until("-->", "commentaire")) return false; continue; }
            if (starts("<![CDATA[")) {
                if (open.empty()) return fail("CDATA hors de l'élément racine");
                i += 9;
                if (!skip_until("]]>", "section CDATA")) return false;
                continue;
            }
            if (starts("<?")) { if (!skip_until("?>", "instruction de traitement")) return false; continue; }
            if (starts("<!")) return fail("déclaration non admise");
            if (starts("</")) {
                i += 2;
                std::string n;
                if (!name(n)) return false;
                skip_space();
                if (i >= s.size() || s[i] != '>') return fail("balise fermante mal formée");
                ++i;
                if (open.empty() || open.back() != n) return fail("balise fermante inattendue : " + n);
                open.pop_back();
                continue;
            }
            ++i;
            std::string n;
            if (!name(n)) return false;
            if (open.empty() && root_seen) return fail("second élément racine : " + n);
            root_seen = true;
            bool self_closing = false;
            if (!attributes(self_closing)) return false;
            if (!self_closing) open.push_back(n);
        }
        if (!open.empty()) return fail("élément non fermé : " + open.back());
        if (!root_seen) return fail("aucun élément");
        return true;
    }
};

}  // namespace

bool xml_well_formed(std::string_view doc, std::string& error) {
    XmlChecker c;
    c.s = doc;
    bool ok = c.check();
    error = c.error;
    return ok;
}

}  // namespace clausier
