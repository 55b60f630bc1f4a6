#include "cli/console.h"

#include "core/errors.h"
#include "db/repositories.h"

#include <iostream>

namespace concerto::cli {

void ConsoleProgress::Begin(const std::string& phase, std::uint64_t total)
{
    m_phase = phase;
    m_total = total;
    m_last = std::chrono::steady_clock::now();
    std::cerr << phase << "…\n";
}

void ConsoleProgress::Advance(std::uint64_t done)
{
    const auto now = std::chrono::steady_clock::now();
    if (now - m_last < std::chrono::seconds(2) && (m_total == 0 || done != m_total))
        return;
    m_last = now;
    std::cerr << "  " << m_phase << " : " << done;
    if (m_total)
        std::cerr << " / " << m_total << " (" << done * 100 / m_total << " %)";
    std::cerr << "\n";
}

Consultation ChosenConsultation(Database& db, const std::string& requested)
{
    ConsultationRepository consultations(db);
    if (!requested.empty()) {
        if (auto found = consultations.Find(requested))
            return *found;
        throw NotFoundError("La consultation « " + requested +
                            " » n'existe pas dans cette base. La commande stats donne les identifiants.");
    }
    const auto all = consultations.List({}, 0, "created_at");
    if (all.empty())
        throw NotFoundError("Cette base ne contient aucune consultation : créez-en une, ou remplissez-la avec la "
                            "commande demo.");
    if (all.size() > 1)
        std::cerr << "Consultation la plus récente : " << all.back().title << " (" << all.back().id
                  << ") ; --consultation ID pour en choisir une autre.\n";
    return all.back();
}

} // namespace concerto::cli
