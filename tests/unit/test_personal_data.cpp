// Contact data inside contribution texts: what is found, what is not, and how it is masked.

#include "core/personal_data.h"

#include <boost/test/unit_test.hpp>

using namespace concerto;

namespace {

const std::string kEmail = "[adresse électronique masquée]";
const std::string kPhone = "[téléphone masqué]";

/// The mentions found, as the texts they cover.
std::vector<std::string> Found(const std::string& text)
{
    std::vector<std::string> out;
    for (const auto& m : FindContactMentions(text))
        out.push_back(text.substr(m.offset, m.length));
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(personal_data_detection)

BOOST_AUTO_TEST_CASE(french_phone_numbers_in_every_usual_form_are_found)
{
    for (const std::string phone :
         {"06 12 34 56 78", "06.12.34.56.78", "0612345678", "01-23-45-67-89", "+33 6 12 34 56 78",
          "+33 (0)6 12 34 56 78", "+33612345678", "0033 6 12 34 56 78", "+33 06 12 34 56 78",
          "06\xC2\xA0" "12\xC2\xA0" "34\xC2\xA0" "56\xC2\xA0" "78", "+32 2 123 45 67"}) {
        const std::string text = "Appelez-moi au " + phone + ", le soir.";
        BOOST_TEST(Found(text) == std::vector<std::string>{phone}, phone);
        BOOST_TEST(MentionsContact(text), phone);
    }
    BOOST_TEST(Found("Tél. : 0612345678") == std::vector<std::string>{"0612345678"});
    BOOST_TEST(Found("(06 12 34 56 78)") == std::vector<std::string>{"06 12 34 56 78"});
    BOOST_TEST(Found("06 12 34 56 78.") == std::vector<std::string>{"06 12 34 56 78"});
}

BOOST_AUTO_TEST_CASE(e_mail_addresses_are_found_without_the_punctuation_around_them)
{
    BOOST_TEST(Found("Écrivez à jean.dupont@exemple.fr.") == std::vector<std::string>{"jean.dupont@exemple.fr"});
    BOOST_TEST(Found("mél : élodie-92@mairie-ivry.gouv.fr, merci") ==
               std::vector<std::string>{"élodie-92@mairie-ivry.gouv.fr"});
    BOOST_TEST(Found("(contact : Marie.Curie+quartier@Exemple.COM)") ==
               std::vector<std::string>{"Marie.Curie+quartier@Exemple.COM"});
    BOOST_TEST(Found("à l'adresse «\xC2\xA0" "a.b@c.org\xC2\xA0» !") == std::vector<std::string>{"a.b@c.org"});
    BOOST_TEST(Found("0612345678@sms.exemple.fr") == std::vector<std::string>{"0612345678@sms.exemple.fr"});
    BOOST_TEST(Found("deux : a@b.fr et c@d.eu") == (std::vector<std::string>{"a@b.fr", "c@d.eu"}));
}

BOOST_AUTO_TEST_CASE(accented_letters_belong_to_the_address_but_spaces_and_quotes_do_not)
{
    BOOST_TEST(Found("écrire à léa@évry-exemple.fr") == std::vector<std::string>{"léa@évry-exemple.fr"});
    BOOST_TEST(Found("«\xC2\xA0" "zoé@exemple.fr\xC2\xA0»") == std::vector<std::string>{"zoé@exemple.fr"});
    BOOST_TEST(MaskContactMentions("à léa@exemple.fr") == "à " + kEmail);
}

BOOST_AUTO_TEST_CASE(numbers_that_are_not_phones_are_left_alone)
{
    for (const std::string text :
         {"Le 12/03/2024 à 18:30", "en 2024 et 2025", "un budget de 1 000 000 €", "1\xE2\x80\xAF" "000\xE2\x80\xAF" "000 €",
          "75001 Paris", "SIRET 362 521 879 00034", "SIRET 36252187900034", "n° 012 345 678 00012",
          "de 12h30 à 14h", "0,50 € le ticket", "+1 000 000 000 €", "réf. 0612345678901", "06 12 34 56 78 90 12",
          "version 2.0.1", "le 01.02.2024", "@mairie sur les réseaux", "a@b", "x@y.1", "12 000 habitants",
          "+5 %", "score 0612 sur 10", "ISBN 978-2-07-036822-8"}) {
        BOOST_TEST(Found(text).empty(), text);
        BOOST_TEST(!MentionsContact(text), text);
        BOOST_TEST(MaskContactMentions(text) == text, text);
    }
}

BOOST_AUTO_TEST_CASE(masking_replaces_each_mention_and_keeps_the_rest)
{
    BOOST_TEST(MaskContactMentions("Joignez-moi au 06 12 34 56 78 ou à jean@exemple.fr.") ==
               "Joignez-moi au " + kPhone + " ou à " + kEmail + ".");
    BOOST_TEST(MaskContactMentions("Rien à masquer ici.") == "Rien à masquer ici.");
    BOOST_TEST(MaskContactMentions("") == "");
    // Masking twice changes nothing: an exported text re-imported stays the same.
    const std::string once = MaskContactMentions("+33 (0)6 12 34 56 78 / a@b.fr");
    BOOST_TEST(MaskContactMentions(once) == once);
    BOOST_TEST(!MentionsContact(once));
}

BOOST_AUTO_TEST_CASE(phones_and_addresses_normalise_for_comparison)
{
    BOOST_TEST(NormalisePhone("+33 6 12 34 56 78") == "0612345678");
    BOOST_TEST(NormalisePhone("06.12.34.56.78") == "0612345678");
    BOOST_TEST(NormalisePhone("+33 (0)6 12 34 56 78") == "0612345678");
    BOOST_TEST(NormalisePhone("0033612345678") == "0612345678");
    BOOST_TEST(NormalisePhone("+32 2 123 45 67") == NormalisePhone("0032 2 123 45 67"));
    BOOST_TEST(NormalisePhone("") == "");
    BOOST_TEST(NormaliseEmail("  Jean.Dupont@Exemple.FR ") == "jean.dupont@exemple.fr");
}

BOOST_AUTO_TEST_SUITE_END()
