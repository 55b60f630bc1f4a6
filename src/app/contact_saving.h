#pragma once
// The contact details of a contribution in its editor: read when the editor opens (only for
// users who may see personal data: for the others contact_details is never queried), and
// saved inside the contribution's own transaction.

#include "app/app_context.h"
#include "core/model.h"

namespace concerto {

class ContributionDialog;

/// Shows the contact details section of `dialog` for `contribution` (its stored details, or
/// none yet) when the user may see personal data; does nothing, and reads nothing, otherwise.
/// Throws Error when the details cannot be read.
void OfferContactSection(ContributionDialog& dialog, AppContext& context, const Contribution& contribution);

/// Saves what the section of `dialog` holds for the contribution `contributionId` (created,
/// updated, or deleted when emptied); nothing when the section is not shown. Call inside the
/// transaction that saves the contribution. The version checked is the contribution's: the
/// details are edited only with it.
void SaveContactSection(const ContributionDialog& dialog, Database& db, const std::string& contributionId);

} // namespace concerto
