// `concerto-cli server init` (IT, with a privileged account) and `concerto-cli user …` (an
// admin's personal login): the set-up and the accounts of a shared PostgreSQL server. The work
// and every check live in db/server_admin; this file reads arguments and passwords and prints.

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/connect.h"
#include "db/server_admin.h"

#include <iomanip>
#include <iostream>

#ifdef _WIN32
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace concerto::cli {

namespace {

std::string Joined(const std::vector<std::string>& items)
{
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

// Turns the terminal's echo off while it lives, so that a typed password is not shown.
class HiddenInput {
public:
    HiddenInput()
    {
#ifdef _WIN32
        m_handle = GetStdHandle(STD_INPUT_HANDLE);
        m_ok = GetConsoleMode(m_handle, &m_mode) && SetConsoleMode(m_handle, m_mode & ~ENABLE_ECHO_INPUT);
#else
        m_ok = tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (m_ok) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            m_ok = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
#endif
    }
    ~HiddenInput()
    {
#ifdef _WIN32
        if (m_ok)
            SetConsoleMode(m_handle, m_mode);
#else
        if (m_ok)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
#endif
    }
    HiddenInput(const HiddenInput&) = delete;
    HiddenInput& operator=(const HiddenInput&) = delete;
    bool Ok() const { return m_ok; }

private:
#ifdef _WIN32
    HANDLE m_handle = nullptr;
    DWORD m_mode = 0;
#else
    termios m_saved{};
#endif
    bool m_ok = false;
};

std::string ReadLine()
{
    std::string line;
    if (!std::getline(std::cin, line))
        throw ValidationError("Aucun mot de passe lu.");
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

// One line of standard input with --password-stdin (scripts); otherwise asked twice on the
// terminal without echo.
std::string ReadPassword(const Arguments& arguments, const std::string& login)
{
    if (arguments.Has("password-stdin"))
        return ReadLine();
    std::string first;
    std::string second;
    {
        HiddenInput hidden;
        if (!hidden.Ok())
            throw UsageError("pas de terminal pour saisir le mot de passe : utilisez --password-stdin");
        std::cerr << "Mot de passe de « " << login << " » : " << std::flush;
        first = ReadLine();
        std::cerr << "\nConfirmez le mot de passe : " << std::flush;
        second = ReadLine();
        std::cerr << "\n";
    }
    if (first != second)
        throw ValidationError("Les deux saisies du mot de passe diffèrent : rien n'a été changé.");
    return first;
}

std::string LoginArgument(const Arguments& arguments, const char* action)
{
    if (arguments.Positional().size() != 2)
        throw UsageError(std::string("user ") + action + " attend un identifiant (et un seul)");
    return arguments.Positional()[1];
}

} // namespace

int RunServer(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db"});
    if (arguments.Positional().size() != 1 || arguments.Positional()[0] != "init")
        throw UsageError("server attend la sous-commande init : concerto-cli server init --db EMPLACEMENT");
    // Not migrated on opening: InitServer first hands the schema to concerto_owner, then
    // migrates as that role.
    auto db = Database::OpenUnmigrated(arguments.Required("db"));
    const ServerInitReport report = InitServer(*db);
    std::cout << "Serveur prêt : " << db->GetLocation().ToDisplayString() << " (schéma " << report.schemaVersion
              << ")\n";
    std::cout << "Rôles créés : " << (report.rolesCreated.empty() ? "aucun (déjà présents)" : Joined(report.rolesCreated))
              << "\n";
    std::cout << "Mises à jour du schéma appliquées : " << report.migrationsApplied << "\n";
    return 0;
}

int RunUser(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db", "role"}, {"password-stdin"});
    const auto& positional = arguments.Positional();
    const std::string action = positional.empty() ? "" : positional[0];
    if (action == "list") {
        auto db = OpenDatabase(arguments.Required("db"));
        const auto users = ListUsers(*db);
        if (users.empty())
            std::cout << "Aucun compte personnel : ajoutez-en avec concerto-cli user add.\n";
        for (const UserAccount& user : users)
            std::cout << std::left << std::setw(24) << user.login << " " << FrenchName(user.level)
                      << (user.canLogin ? "" : " (connexion désactivée)") << "\n";
        return 0;
    }
    if (action == "add") {
        const std::string login = LoginArgument(arguments, "add");
        const AccessLevel level = ParseAccessLevel(arguments.Required("role"));
        auto db = OpenDatabase(arguments.Required("db"));
        AddUser(*db, login, ReadPassword(arguments, login), level);
        std::cout << "Compte « " << login << " » créé (" << FrenchName(level) << ").\n";
        return 0;
    }
    if (action == "remove") {
        const std::string login = LoginArgument(arguments, "remove");
        auto db = OpenDatabase(arguments.Required("db"));
        RemoveUser(*db, login);
        std::cout << "Compte « " << login << " » supprimé.\n";
        return 0;
    }
    if (action == "set-role") {
        const std::string login = LoginArgument(arguments, "set-role");
        const AccessLevel level = ParseAccessLevel(arguments.Required("role"));
        auto db = OpenDatabase(arguments.Required("db"));
        SetUserRole(*db, login, level);
        std::cout << "Compte « " << login << " » : désormais " << FrenchName(level) << ".\n";
        return 0;
    }
    if (action == "password") {
        const std::string login = LoginArgument(arguments, "password");
        auto db = OpenDatabase(arguments.Required("db"));
        SetUserPassword(*db, login, ReadPassword(arguments, login));
        std::cout << "Mot de passe du compte « " << login << " » changé.\n";
        return 0;
    }
    throw UsageError("user attend add, remove, list, set-role ou password");
}

} // namespace concerto::cli
