#pragma once

#include "vcard/vcardimporter.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <functional>
#include <memory>

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

/// A finished import on the window's undo stack. Undo takes the whole batch
/// back (Core::VCardImporter::undo: contacts changed since are kept, and the
/// report says how many); redo commits the same plan, with the same choices,
/// again. Pushing it does not import: the import already happened.
class ImportCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::ImportCommand)

public:
    /// Called after an undo or redo with what happened (or what went wrong),
    /// for the window to refresh and show it.
    using Report = std::function<void(bool ok, const QString &message)>;

    /// `database` must outlive the command (the window clears its undo stack
    /// before it switches data files).
    ImportCommand(Core::Database &database, std::shared_ptr<const Core::ImportPlan> plan,
                  const Core::ImportResult &result, Report report);

    void undo() override;
    void redo() override;

    /// The batch the data file holds for this import now (a redo makes a new one).
    qint64 batchId() const { return m_batchId; }
    bool isImported() const { return m_imported; }

private:
    Core::Database &m_database;
    std::shared_ptr<const Core::ImportPlan> m_plan;
    Report m_report;
    qint64 m_batchId = 0;
    bool m_imported = true;
};

} // namespace Rapport::Ui
