// The rules as documentation: each rule's examples as project files, and the table of docs/rules.md written
// from data/legal/rules.json (tests/core/test_checks_examples.cpp runs the examples and compares the table).
#include "checks/checks.h"

namespace clausier {

namespace {

std::string markdown_cell(std::string s) {   // one Markdown table cell: no line break, no bare pipe
    for (size_t p = s.find('|'); p != std::string::npos; p = s.find('|', p + 2)) s.replace(p, 1, "\\|");
    for (char& c : s) if (c == '\n') c = ' ';
    return s;
}

// The text fields an example fragment sets, shortened: what the buyer would have written.
void example_texts(const json& j, std::vector<std::string>& out) {
    if (j.is_string() && j.get<std::string>().size() >= 12) out.push_back("« " + j.get<std::string>() + " »");
    else if (j.is_object() || j.is_array())
        for (const json& x : j) example_texts(x, out);
}

std::string example_summary(const RuleInfo& r, const char* which) {
    if (!r.examples.contains(which)) return "";
    const json& fragment = r.examples[which];
    if (fragment.is_object() && fragment.contains("_note") && fragment["_note"].is_string()) return fragment["_note"].get<std::string>();
    std::vector<std::string> texts;
    example_texts(fragment, texts);
    return texts.empty() ? "" : texts.front();
}

}  // namespace

json rule_example(const RuleSet& rules, const RuleInfo& rule, const char* which) {
    if (!rule.examples.contains(which) || !rule.examples[which].is_object()) return nullptr;
    json project = rules.example_base;
    json fragment = rule.examples[which];
    fragment.erase("_note");
    fragment.erase("_spaser");
    project.merge_patch(fragment);
    return project;
}

json rule_example_spaser(const RuleInfo& rule, const char* which) {
    if (!rule.examples.contains(which) || !rule.examples[which].is_object()) return nullptr;
    return rule.examples[which].value("_spaser", json());
}

std::string rules_markdown(const RuleSet& rules, const Library& lib) {
    std::string out = "| id | severity | articles | step | what it checks | fires on | quiet on |\n"
                      "| --- | --- | --- | --- | --- | --- | --- |\n";
    for (const RuleInfo& r : rules.rules) {
        std::string what = r.description;
        if (!r.obligation.empty()) what += " Dated: consultations launched from " + iso_date(r.valid_from) + " (obligation `" + r.obligation + "`).";
        else if (r.valid_from.valid()) what += " Applies from " + iso_date(r.valid_from) + ".";
        if (r.reminder) what += " (Reminder.)";
        out += "| `" + r.id + "` | " + enum_name(r.severity) + " | " + markdown_cell(r.articles.empty() ? "—" : lib.citations(r.articles)) + " | " +
               enum_name(r.step) + " | " + markdown_cell(what) + " | " + markdown_cell(example_summary(r, "fires")) + " | " +
               markdown_cell(example_summary(r, "quiet")) + " |\n";
    }
    return out;
}

}  // namespace clausier
