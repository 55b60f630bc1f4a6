#include "db/repository.h"

namespace concerto {

bool IsUuid(const std::string& text)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

long long Execute(Database& db, const std::string& sql, Bindings& bindings)
{
    long long affected = 0;
    db.Guarded([&] {
        soci::statement statement(db.Session());
        bindings.ExchangeInto(statement);
        statement.alloc();
        statement.prepare(sql);
        statement.define_and_bind();
        statement.execute(true);
        affected = statement.get_affected_rows();
    });
    return affected;
}

void QueryRows(Database& db, const std::string& sql, Bindings& bindings,
               const std::function<void(const soci::row&)>& onRow)
{
    db.Guarded([&] {
        soci::row row;
        soci::statement statement(db.Session());
        bindings.ExchangeInto(statement);
        statement.exchange(soci::into(row));
        statement.alloc();
        statement.prepare(sql);
        statement.define_and_bind();
        if (statement.execute(true)) {
            do
                onRow(row);
            while (statement.fetch());
        }
    });
}

void QueryRows(Database& db, const std::string& sql, const Params& params,
               const std::function<void(const soci::row&)>& onRow)
{
    Bindings bindings;
    bindings.Texts(params);
    QueryRows(db, sql, bindings, onRow);
}

} // namespace concerto
