#pragma once

#include <QString>

#include <functional>

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

/// What undo commands act on: the open data file, and the window to tell
/// after each change. The window clears its undo stack before it switches files.
struct CommandContext
{
    Core::Database *database = nullptr;
    /// After a redo or undo changed the data; the contact to show, 0 for none.
    std::function<void(qint64 contactId)> changed;
    /// A redo or undo that ran from the stack failed (the data did not change).
    std::function<void(const QString &message)> failed;
};

} // namespace Rapport::Ui
