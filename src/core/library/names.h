// names.h — enum ↔ name tables: enumerated vocabularies live as enums inside the core and as strings only at
// the JSON boundary (files, CLI output). One table per enum gives both directions, and the French label shown
// to users.
// Kept in library/ until a shared helper lands in base/ (the clause vocabularies are its only users so far).
#pragma once
#include <cstddef>
#include <string_view>

namespace clausier {

template <class E>
struct EnumName {
    E value;
    const char* name;    // as written in JSON files
    const char* label;   // French, for display
};

// The name of `value` in `table`, "" when the table lacks it.
template <class E, size_t N>
const char* enum_name(const EnumName<E> (&table)[N], E value) {
    for (const EnumName<E>& e : table) if (e.value == value) return e.name;
    return "";
}

// The French label of `value`, "?" when the table lacks it.
template <class E, size_t N>
const char* enum_label(const EnumName<E> (&table)[N], E value) {
    for (const EnumName<E>& e : table) if (e.value == value) return e.label;
    return "?";
}

// Sets `out` to the value named `name`; false (and `out` untouched) for an unknown name.
template <class E, size_t N>
bool enum_from_name(const EnumName<E> (&table)[N], std::string_view name, E& out) {
    for (const EnumName<E>& e : table)
        if (name == e.name) { out = e.value; return true; }
    return false;
}

}  // namespace clausier
