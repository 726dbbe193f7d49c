#include "project/migrate.h"

namespace clausier {

namespace {

// Version 0 was the foundation prototype's layout: a single "amount" on the need instead of lots, and
// clause ids as a plain list of strings.
void migrate_0_to_1(json& doc) {
    if (doc.contains("need") && doc["need"].is_object()) {
        json& need = doc["need"];
        if (need.contains("amount") && need["amount"].is_number() && !doc.contains("lots")) {
            doc["lots"] = json::array({{{"title", "Lot unique"}, {"value", need["amount"]}}});
            need.erase("amount");
        }
    }
    if (doc.contains("clauses") && doc["clauses"].is_array()) {
        for (json& c : doc["clauses"])
            if (c.is_string()) c = json{{"id", c}};
    }
    doc["schema_version"] = 1;
}

// Files of version 1 written before the groupement de commandes had a coordinator: the buyer of the project was
// its coordinator (its own need is the lots, the members the others), so it is named as such. Done in place, as
// the field is new and optional: no version change.
void name_groupement_coordinator(json& doc) {
    auto need = doc.find("need");
    if (need == doc.end() || !need->is_object() || need->contains("coordinator")) return;
    auto pooling = need->find("pooling");
    if (pooling == need->end() || *pooling != "groupement") return;
    auto buyer = doc.find("buyer");
    if (buyer == doc.end() || !buyer->is_object() || !buyer->contains("name") || !(*buyer)["name"].is_string()) return;
    (*need)["coordinator"] = json{{"name", (*buyer)["name"]}};
}

}  // namespace

bool migrate_project(json& doc, std::string& error) {
    auto fmt = doc.find("format");
    if (fmt == doc.end() || !fmt->is_string() || *fmt != kProjectFormat) {
        error = "Ce fichier n'est pas un projet Clausier : il ne porte pas la mention « format » valant « clausier-projet ».";
        return false;
    }
    auto ver = doc.find("schema_version");
    if (ver == doc.end() || !ver->is_number_integer()) {
        error = "Ce projet n'indique pas sa version de format (« schema_version ») : il ne peut pas être ouvert.";
        return false;
    }
    long long v = ver->get<long long>();
    if (v > kProjectSchemaVersion) {
        error = "Ce projet a été enregistré par une version plus récente de Clausier (format " + std::to_string(v) +
                ") : mettez l'application à jour pour l'ouvrir. Rien n'a été modifié.";
        return false;
    }
    if (v < 0) {
        error = "La version de format de ce projet est invalide.";
        return false;
    }
    if (v == 0) migrate_0_to_1(doc);
    name_groupement_coordinator(doc);
    return true;
}

}  // namespace clausier
