#pragma once

#include "result.h"

namespace Rapport::Core {

class Database;

/// One unit of work: everything between construction and commit() lands
/// together or not at all. Destroying an uncommitted transaction rolls it back,
/// so an early `return failure` can never leave half a change behind. Nested
/// transactions become savepoints of the outer one.
class Transaction
{
public:
    explicit Transaction(Database &database);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// Whether BEGIN succeeded; check it before doing the work.
    Status status() const { return m_begun; }
    Status commit();

private:
    Database &m_database;
    Status m_begun;
    bool m_open = false;
};

} // namespace Rapport::Core
