// enums.h — one table per enumeration of the domain: each value with the name it has in files, on the command
// line and in the automation state (the JSON boundary), and its French label for people. Code compares enum
// values; strings appear only where JSON is read or written.
//
// A table is declared next to its enum and defined once, in the .cpp of its area:
//     enum class Nature { fournitures, services, travaux };
//     template <> EnumNames<Nature> enum_names<Nature>();          // header
//     const EnumEntry<Nature> kNatures[] = {{Nature::fournitures, "fournitures", "Fournitures"}, …};
//     template <> EnumNames<Nature> enum_names<Nature>() { return kNatures; }   // .cpp
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace clausier {

template <class E>
struct EnumEntry {
    E value;
    const char* name;    // as written in JSON files and on the command line
    const char* label;   // French, for people
};

// A view of a table (the entries in their order: combos list them this way).
template <class E>
struct EnumNames {
    const EnumEntry<E>* first = nullptr;
    size_t count = 0;
    template <size_t N>
    constexpr EnumNames(const EnumEntry<E> (&table)[N]) : first(table), count(N) {}
    const EnumEntry<E>* begin() const { return first; }
    const EnumEntry<E>* end() const { return first + count; }
};

template <class E>
EnumNames<E> enum_names();   // specialised for each enum beside its table

// The name of a value in files ("" for a value outside the table).
template <class E>
const char* enum_name(E value) {
    for (const EnumEntry<E>& e : enum_names<E>())
        if (e.value == value) return e.name;
    return "";
}

// The French label of a value.
template <class E>
const char* enum_label(E value) {
    for (const EnumEntry<E>& e : enum_names<E>())
        if (e.value == value) return e.label;
    return "";
}

// Reads a name; false (and `out` untouched) when the name is not in the table.
template <class E>
bool parse_enum(std::string_view name, E& out) {
    for (const EnumEntry<E>& e : enum_names<E>())
        if (name == e.name) {
            out = e.value;
            return true;
        }
    return false;
}

// Every name of the table for a French message: "« a », « b » ou « c »", or "a, b ou c" unquoted.
template <class E>
std::string enum_choices(bool quoted = true) {
    std::string out;
    const EnumNames<E> all = enum_names<E>();
    const std::string open = quoted ? "« " : "", close = quoted ? " »" : "";
    for (size_t i = 0; i < all.count; ++i)
        out += std::string(i == 0 ? "" : i + 1 == all.count ? " ou " : ", ") + open + all.first[i].name + close;
    return out;
}

}  // namespace clausier
