#include "app/secret_store.h"

#include <wx/defs.h>

#if defined(CONCERTO_HAVE_LIBSECRET)
#include <cstdlib>
#include <filesystem>
#include <libsecret/secret.h>
#elif wxUSE_SECRETSTORE
#include <wx/secretstore.h>
#endif

namespace concerto {

std::string KeyringLabel(const ConnectionProfile& profile)
{
    std::string label = "Concerto — ";
    if (!profile.user.empty())
        label += profile.user + "@";
    label += profile.host.empty() ? "localhost" : profile.host;
    if (profile.port != 5432)
        label += ":" + std::to_string(profile.port);
    if (!profile.database.empty())
        label += "/" + profile.database;
    return label;
}

#if defined(CONCERTO_HAVE_LIBSECRET)

namespace {

/// The attributes a password is found by. Built field by field: SecretSchema has reserved
/// members that an aggregate initialiser would have to spell out.
const SecretSchema* Schema()
{
    static const SecretSchema schema = [] {
        SecretSchema s{};
        s.name = "fr.concerto.ServerPassword";
        s.flags = SECRET_SCHEMA_NONE;
        s.attributes[0] = {"host", SECRET_SCHEMA_ATTRIBUTE_STRING};
        s.attributes[1] = {"port", SECRET_SCHEMA_ATTRIBUTE_INTEGER};
        s.attributes[2] = {"database", SECRET_SCHEMA_ATTRIBUTE_STRING};
        s.attributes[3] = {"user", SECRET_SCHEMA_ATTRIBUTE_STRING};
        return s;
    }();
    return &schema;
}

/// The attribute values of `profile`, as libsecret's *v functions take them (integers as text).
class Attributes {
public:
    explicit Attributes(const ConnectionProfile& profile)
        : m_host(profile.host), m_port(std::to_string(profile.port)), m_database(profile.database),
          m_user(profile.user), m_table(g_hash_table_new(g_str_hash, g_str_equal))
    {
        g_hash_table_insert(m_table, const_cast<char*>("host"), m_host.data());
        g_hash_table_insert(m_table, const_cast<char*>("port"), m_port.data());
        g_hash_table_insert(m_table, const_cast<char*>("database"), m_database.data());
        g_hash_table_insert(m_table, const_cast<char*>("user"), m_user.data());
    }
    ~Attributes() { g_hash_table_unref(m_table); }
    Attributes(const Attributes&) = delete;
    Attributes& operator=(const Attributes&) = delete;

    GHashTable* Table() const { return m_table; }

private:
    std::string m_host, m_port, m_database, m_user;
    GHashTable* m_table;
};

/// True when a session bus is known without starting one: GLib would otherwise try to launch
/// a bus through X11, leaving a stray daemon behind.
bool SessionBusKnown()
{
    if (const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS"); address && *address)
        return true;
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    std::error_code ec;
    return runtime && *runtime && std::filesystem::exists(std::string(runtime) + "/bus", ec);
}

/// Clears a GError, which only says that the keyring could not do it; callers fall back to asking.
bool Succeeded(GError* error)
{
    if (!error)
        return true;
    g_error_free(error);
    return false;
}

} // namespace

bool KeyringAvailable()
{
    if (!SessionBusKnown())
        return false;
    GError* error = nullptr;
    // GLib ends the program when the session bus goes away; a keyring that vanishes must only
    // mean that passwords are asked again.
    if (GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &error)) {
        g_dbus_connection_set_exit_on_close(bus, FALSE);
        g_object_unref(bus);
    }
    if (!Succeeded(error))
        return false;
    error = nullptr;
    // Opening a session makes the service answer (or be started by the bus): a mere proxy would
    // not show that one exists.
    SecretService* service = secret_service_get_sync(SECRET_SERVICE_OPEN_SESSION, nullptr, &error);
    if (service)
        g_object_unref(service);
    return Succeeded(error) && service;
}

bool SavePassword(const ConnectionProfile& profile, const std::string& password)
{
    if (!KeyringAvailable())
        return false;
    const Attributes attributes(profile);
    GError* error = nullptr;
    const gboolean stored = secret_password_storev_sync(Schema(), attributes.Table(), SECRET_COLLECTION_DEFAULT,
                                                        KeyringLabel(profile).c_str(), password.c_str(), nullptr,
                                                        &error);
    return Succeeded(error) && stored;
}

std::optional<std::string> LoadPassword(const ConnectionProfile& profile)
{
    if (!KeyringAvailable())
        return std::nullopt;
    const Attributes attributes(profile);
    GError* error = nullptr;
    gchar* found = secret_password_lookupv_sync(Schema(), attributes.Table(), nullptr, &error);
    if (!Succeeded(error) || !found)
        return std::nullopt;
    std::string password = found;
    secret_password_free(found); // wipes the memory
    return password;
}

void ForgetPassword(const ConnectionProfile& profile)
{
    if (!KeyringAvailable())
        return;
    const Attributes attributes(profile);
    GError* error = nullptr;
    secret_password_clearv_sync(Schema(), attributes.Table(), nullptr, &error);
    Succeeded(error);
}

#elif wxUSE_SECRETSTORE

namespace {

/// The Credential Manager keys an entry by "service" alone: it names the whole login.
wxString Service(const ConnectionProfile& profile)
{
    return wxString::FromUTF8(KeyringLabel(profile));
}

} // namespace

bool KeyringAvailable()
{
    return wxSecretStore::GetDefault().IsOk();
}

bool SavePassword(const ConnectionProfile& profile, const std::string& password)
{
    wxSecretStore store = wxSecretStore::GetDefault();
    return store.IsOk() &&
           store.Save(Service(profile), wxString::FromUTF8(profile.user), wxSecretValue(wxString::FromUTF8(password)));
}

std::optional<std::string> LoadPassword(const ConnectionProfile& profile)
{
    wxSecretStore store = wxSecretStore::GetDefault();
    wxString user;
    wxSecretValue value;
    if (!store.IsOk() || !store.Load(Service(profile), user, value) || user.utf8_string() != profile.user)
        return std::nullopt;
    return value.GetAsString().utf8_string();
}

void ForgetPassword(const ConnectionProfile& profile)
{
    wxSecretStore store = wxSecretStore::GetDefault();
    if (store.IsOk())
        store.Delete(Service(profile));
}

#else

// No keyring on this build: the password is asked at each connection.
bool KeyringAvailable()
{
    return false;
}

bool SavePassword(const ConnectionProfile&, const std::string&)
{
    return false;
}

std::optional<std::string> LoadPassword(const ConnectionProfile&)
{
    return std::nullopt;
}

void ForgetPassword(const ConnectionProfile&) {}

#endif

} // namespace concerto
