// The C++ steps that follow some schema migrations (see AfterMigration).

#include "db/migrations.h"

#include "db/contact_flags.h"
#include "db/repository.h"

namespace concerto {

void AfterMigration(Database& db, int version)
{
    if (version == 5) {
        // The new flag starts false everywhere: raise it where the texts already hold contact data.
        Bindings none;
        RefreshContactFlags(db, "FROM contribution c WHERE 1 = 1", none);
    }
}

} // namespace concerto
