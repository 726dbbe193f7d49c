// Localism detection (R.2111-7, R.2152-6): what a buyer writes that favours a place as such is found,
// tolerant of accents, case and inflection; legitimate uses of the same words are left alone.
#include <catch2/catch.hpp>
#include "checks/localism.h"
#include "base/text.h"

using namespace clausier;

namespace {

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : " | ") + s;
    return out;
}

}  // namespace

TEST_CASE("localism: requirements favouring a place are found", "[checks][localism]") {
    const char* const flagged[] = {
        "Les produits doivent être locaux.",
        "Privilégier les produits locaux et de saison.",
        "PRODUITS LOCAUX uniquement",
        "Le prestataire doit être implanté dans le département.",
        "L'entreprise doit être située à moins de 50 km du site.",
        "Le titulaire dispose d'un dépôt dans un rayon de 30 kilomètres.",
        "Les fournisseurs situés dans la région Bretagne sont privilégiés.",
        "Viande d'origine France exclusivement.",
        "Mobilier Made in France.",
        "Une sélection de produits du terroir.",
        "Les denrées sont achetées localement.",
        "Les producteurs régionaux seront consultés.",
        "Recours à des entreprises locales.",
        "Produits provenant de moins de 100 km.",
        "Les fournisseurs du département seront privilégiés.",
        "Approvisionnement de proximité auprès des producteurs.",
        "Société IMPLANTÉE en Région Occitanie",
        "Fruits issus de producteurs et artisans locaux",
        "Dépôt à 40km maximum",
        "Produits fabriqués en France",
        "Produits régionaux et fermiers",
        "Les candidats doivent avoir leur siège social dans le département.",
        "Priorité aux entreprises du territoire.",
        "Le titulaire emploie de la main-d'œuvre locale.",
        "Les produits laitiers proviennent d'exploitations de la région.",
        "Les matériaux sont issus de carrières régionales.",
        "Les entreprises situées hors de la région ne sont pas admises.",
        "Viande bovine française.",
        "Le titulaire s'approvisionne localement.",
        "L'agence du titulaire est située à 30 minutes du site.",
    };
    for (const char* text : flagged) {
        INFO(text);
        CHECK_FALSE(find_localism(text, LocalismScope::text).empty());
    }
}

TEST_CASE("localism: legitimate uses of the same words are not flagged", "[checks][localism]") {
    const char* const clean[] = {
        "Nettoyage des locaux administratifs et des écoles.",
        "Les collectivités locales et territoriales adhérentes au groupement.",
        "En lien avec l'autorité locale compétente.",
        "Circuit court : au plus un intermédiaire entre le producteur et l'acheteur.",
        "Le conseil départemental de la Gironde et le conseil régional.",
        "Livraison des produits dans les écoles du département.",
        "Les véhicules ont une autonomie d'au moins 300 km.",
        "Émissions inférieures à 95 g CO2/km.",
        "Le local technique est mis à disposition du titulaire.",
        "Assistance à distance et télémaintenance.",
        "Les données sont stockées localement sur le poste.",
        "Encadrement de proximité des agents d'entretien.",
        "Implantation des végétaux selon le plan de plantation.",
        "Le site est situé à Lyon, 12 rue des Lilas.",
        "Documentation rédigée en français.",
        "Travaux sur la route départementale 12.",
        "Partenariat avec la mission locale pour les recrutements.",
        "Tenir compte des contraintes locales de circulation.",
        "Entretien du parc naturel régional.",
        "Avis de l'agence régionale de santé.",
        "Raccordement au réseau local de l'établissement.",
        "Le chantier se situe à 3 km de la mairie.",
        "Les agents de la fonction publique territoriale.",
        "Véhicules parcourant 20 000 km par an.",
        "Chaque livraison ne dépasse pas 30 km/h sur le site.",
        "Nettoyage des locaux communaux, des locaux sociaux et des vestiaires.",
        "Le prestataire intervient sur l'ensemble du territoire départemental.",
        "Le titulaire livre les produits dans les 40 collèges du département.",
        "Les denrées sont livrées aux cuisines centrales de la région.",
        "Le marché est passé par le Département de la Gironde.",
        "La région académique et le rectorat sont associés au comité de suivi.",
        "Le chantier est implanté sur la parcelle AB 123.",
        "L'acheteur est une collectivité territoriale de la région Grand Est.",
        "Plantation d'essences locales adaptées au climat et au sol.",
        "Le titulaire respecte le plan local d'urbanisme.",
        "Le titulaire se conforme à la réglementation locale en matière de bruit.",
        "Les lieux de livraison sont situés à Valbourg et à Montclar.",
        "Le titulaire fournit un bilan des émissions en kg CO2e par km parcouru.",
        "Fréquence de passage différenciée par type de local et par usage.",
        "Chaque local à entretenir figure au plan ; tout nouveau local est ajouté par avenant.",
    };
    for (const char* text : clean) {
        INFO(text << " → " << joined(find_localism(text, LocalismScope::text)));
        CHECK(find_localism(text, LocalismScope::text).empty());
    }
}

TEST_CASE("localism: award criteria are read strictly", "[checks][localism]") {
    const char* const flagged[] = {
        "Proximité",
        "Approvisionnement local",
        "Ancrage territorial de l'entreprise",
        "Connaissance du territoire",
        "Présence d'une agence dans le département",
        "Distance entre le dépôt et le lieu de livraison",
        "Contribution au développement économique régional",
        "Part de produits locaux",
        "Situé à moins de 20 km",
    };
    for (const char* text : flagged) {
        INFO(text);
        CHECK_FALSE(find_localism(text, LocalismScope::criterion).empty());
    }
    const char* const clean[] = {
        "Délai d'intervention sur site",
        "Fraîcheur des produits (jours entre récolte et livraison)",
        "Émissions de gaz à effet de serre par livraison (g CO2/km)",
        "Circuit court défini par le nombre d'intermédiaires",
        "Qualité de l'encadrement de proximité",
        "Valeur technique",
        "Prix",
        "Intervention à distance",
    };
    for (const char* text : clean) {
        INFO(text << " → " << joined(find_localism(text, LocalismScope::criterion)));
        CHECK(find_localism(text, LocalismScope::criterion).empty());
    }
}

TEST_CASE("localism: the expressions are reported as written, once each", "[checks][localism]") {
    auto found = find_localism("Produits LOCAUX ; produits locaux ; entreprise implantée à 25 km. Origine française.", LocalismScope::text);
    REQUIRE(found.size() == 4);
    CHECK(found[0] == "LOCAUX");
    CHECK(found[1] == "implantée");
    CHECK(found[2] == "25 km");
    CHECK(found[3] == "Origine française");   // one expression, not also « française »
}

TEST_CASE("text scanning: tokens, sentences and term patterns", "[checks][localism]") {
    const std::vector<Token> t = tokenize("Le CA annuel (art. R.2142-7) : 2,5 M€. Vous serez retenu !");
    REQUIRE(t.size() >= 8);
    CHECK(t[0].text == "Le");
    CHECK(t[1].word == "ca");
    CHECK(t.back().word == "retenu");
    CHECK(t.back().sentence > t[0].sentence);
    CHECK(word_matches("exclusivite", "exclusivit*"));
    CHECK_FALSE(word_matches("exclu", "exclusivit*"));
    CHECK(word_matches("10", "#"));
    CHECK_FALSE(word_matches("dix", "#"));
    auto hits = find_terms(t, {"vous serez retenu*", "ca annuel*"});
    REQUIRE(hits.size() == 2);
    CHECK(span_text("Le CA annuel", t, hits[0].first, hits[0].last) == "CA annuel");
    CHECK(split_term("chiffre* d'affaire*") == std::vector<std::string>{"chiffre*", "d", "affaire*"});
    // Never crashes on invalid UTF-8 or empty input.
    CHECK(find_localism(std::string("\xff\xfe local\xc3", 9), LocalismScope::criterion).size() <= 1);
    CHECK(find_localism("", LocalismScope::text).empty());
}
