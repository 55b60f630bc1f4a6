#include "app/contact_saving.h"

#include "db/repositories.h"
#include "dialogs/contact_fields.h"
#include "dialogs/contribution_dialog.h"

namespace concerto {

void OfferContactSection(ContributionDialog& dialog, AppContext& context, const Contribution& contribution)
{
    if (!context.GetAccess().CanSeePersonalData())
        return;
    ContactDetails contact;
    if (!contribution.id.empty())
        if (auto stored = ContactRepository(context.Db()).FindBy("contribution_id", contribution.id))
            contact = *stored;
    const auto& consultation = context.CurrentConsultation();
    const Date purge = DefaultPurgeDate(consultation ? consultation->endsOn : std::nullopt, Timestamp::Now().Day());
    dialog.ShowContactSection(contact, purge);
}

void SaveContactSection(const ContributionDialog& dialog, Database& db, const std::string& contributionId)
{
    if (!dialog.HasContactSection())
        return;
    ContactRepository repository(db);
    ContactDetails contact = dialog.GetContact();
    // The row as stored now: its id and version (a first save of a new contribution, a row
    // purged meanwhile, or one the dialog read).
    const auto stored = repository.FindBy("contribution_id", contributionId);
    if (IsEmptyContact(contact)) {
        if (stored)
            repository.Remove(stored->id, stored->version);
        return;
    }
    contact.contributionId = contributionId;
    if (!stored) {
        contact.id.clear();
        repository.Create(contact);
        return;
    }
    contact.id = stored->id;
    contact.version = stored->version;
    repository.Update(contact);
}

} // namespace concerto
