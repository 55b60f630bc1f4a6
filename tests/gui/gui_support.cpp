#include "gui_support.h"

#include "db/demo.h"
#include "support/backends.h"

#include <wx/app.h>
#include <wx/utils.h>

namespace concerto::test {

void Settle(int milliseconds)
{
    for (int i = 0; i < milliseconds / 10; ++i) {
        wxYield();
        wxMilliSleep(10);
    }
}

bool WaitUntil(const std::function<bool()>& done, int timeoutMs)
{
    for (int waited = 0; waited < timeoutMs; waited += 20) {
        if (done())
            return true;
        Settle(20);
    }
    return done();
}

std::unique_ptr<Database> DemoDatabase(Backend backend, std::uint64_t contributions)
{
    auto db = FreshDatabase(backend);
    SilentProgress progress;
    GenerateDemo(*db, DemoOptions{contributions, 2023}, progress);
    return db;
}

} // namespace concerto::test
