#pragma once

#include "result.h"

namespace Rapport::Core {
class Database;
}

namespace Rapport::Bench {

/// The size of a generated network.
struct NetworkSize
{
    int contacts = 10000;
    int interactions = 100000;
    int introductions = 5000;
    /// Open follow-ups, some of them overdue.
    int reminders = 2000;
};

/// Fills an empty data file with a reproducible, realistic-looking network:
/// contacts spread over the ladder with their stage history, interactions
/// over two years, introductions that form chains (and a few cycles), about
/// 3% clients, and follow-ups. Rows go in with bulk inserts in one transaction.
Core::Status generateNetwork(Core::Database &database, const NetworkSize &size, quint32 seed = 1);

} // namespace Rapport::Bench
