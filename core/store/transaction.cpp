#include "transaction.h"

#include "database.h"

namespace Rapport::Core {

Transaction::Transaction(Database &database)
    : m_database(database)
    , m_begun(database.begin())
    , m_open(m_begun.ok())
{
}

Transaction::~Transaction()
{
    if (m_open)
        m_database.rollback();
}

Status Transaction::commit()
{
    if (!m_open)
        return m_begun.ok() ? Status::failure(QStringLiteral("transaction already finished")) : m_begun;
    m_open = false;
    return m_database.commit();
}

} // namespace Rapport::Core
