#include "app/connection_store.h"

#include <algorithm>
#include <wx/config.h>

namespace concerto {

namespace {
const char* const kProfilesGroup = "/Profiles";
const char* const kLastProfileKey = "/Database/LastProfile";

wxString Utf8(const std::string& text)
{
    return wxString::FromUTF8(text);
}
} // namespace

std::vector<ConnectionProfile> LoadConnectionProfiles()
{
    std::vector<ConnectionProfile> profiles;
    auto* config = wxConfigBase::Get();
    if (!config->HasGroup(kProfilesGroup))
        return profiles;
    wxConfigPathChanger into(config, wxString(kProfilesGroup) + "/");
    std::vector<wxString> names;
    wxString name;
    long cookie = 0;
    for (bool more = config->GetFirstGroup(name, cookie); more; more = config->GetNextGroup(name, cookie))
        names.push_back(name);
    for (const wxString& group : names) {
        const wxString prefix = group + "/";
        ConnectionProfile profile;
        profile.name = group.utf8_string();
        profile.host = config->Read(prefix + "Host", wxString()).utf8_string();
        profile.port = static_cast<int>(config->ReadLong(prefix + "Port", 5432));
        profile.database = config->Read(prefix + "Database", wxString()).utf8_string();
        profile.user = config->Read(prefix + "User", wxString()).utf8_string();
        profile.tls = TlsModeFromKeyword(config->Read(prefix + "Tls", "verify-full").utf8_string());
        profile.rootCertificate = config->Read(prefix + "RootCertificate", wxString()).utf8_string();
        profile.requireScram = config->ReadBool(prefix + "RequireScram", true);
        profiles.push_back(profile);
    }
    std::sort(profiles.begin(), profiles.end(),
              [](const ConnectionProfile& a, const ConnectionProfile& b) { return a.name < b.name; });
    return profiles;
}

void SaveConnectionProfiles(const std::vector<ConnectionProfile>& profiles)
{
    auto* config = wxConfigBase::Get();
    config->DeleteGroup(kProfilesGroup);
    for (const ConnectionProfile& profile : profiles) {
        const wxString prefix = wxString(kProfilesGroup) + "/" + Utf8(profile.name) + "/";
        config->Write(prefix + "Host", Utf8(profile.host));
        config->Write(prefix + "Port", static_cast<long>(profile.port));
        config->Write(prefix + "Database", Utf8(profile.database));
        config->Write(prefix + "User", Utf8(profile.user));
        config->Write(prefix + "Tls", TlsModeKeyword(profile.tls));
        config->Write(prefix + "RootCertificate", Utf8(profile.rootCertificate));
        config->Write(prefix + "RequireScram", profile.requireScram);
    }
    config->Flush();
}

std::string LastConnectionProfile()
{
    return wxConfigBase::Get()->Read(kLastProfileKey, wxString()).utf8_string();
}

void RememberConnectionProfile(const std::string& name)
{
    auto* config = wxConfigBase::Get();
    config->Write(kLastProfileKey, Utf8(name));
    config->Flush();
}

} // namespace concerto
