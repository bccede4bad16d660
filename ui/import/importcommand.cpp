#include "importcommand.h"

#include <QApplication>
#include <QFileInfo>

namespace Rapport::Ui {

namespace {

QString filesOf(const Core::ImportPlan &plan)
{
    QStringList names;
    for (const QString &path : plan.paths)
        names << QFileInfo(path).fileName();
    return names.join(QStringLiteral(", "));
}

} // namespace

ImportCommand::ImportCommand(Core::Database &database, std::shared_ptr<const Core::ImportPlan> plan,
                             const Core::ImportResult &result, Report report)
    : m_database(database)
    , m_plan(std::move(plan))
    , m_report(std::move(report))
    , m_batchId(result.batchId)
{
    setText(tr("Import of %1").arg(filesOf(*m_plan)));
}

void ImportCommand::undo()
{
    if (!m_imported)
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto undone = Core::VCardImporter(m_database).undo(m_batchId);
    QApplication::restoreOverrideCursor();
    if (!undone) {
        // The data file no longer lets this import be taken back: drop it from the stack.
        setObsolete(true);
        m_report(false, tr("The import could not be undone: %1").arg(undone.error()));
        return;
    }
    m_imported = false;
    QString message = tr("Undid the import of %1: %2 contacts removed, %3 restored.")
                          .arg(filesOf(*m_plan))
                          .arg(undone->removed)
                          .arg(undone->restored);
    if (undone->kept > 0)
        message += QLatin1Char(' ')
                   + (undone->kept == 1 ? tr("1 contact you changed since was kept as it is.")
                                        : tr("%1 contacts you changed since were kept as they are.").arg(undone->kept));
    m_report(true, message);
}

void ImportCommand::redo()
{
    if (m_imported)
        return; // pushed after the import itself
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto committed = Core::VCardImporter(m_database).commit(*m_plan);
    QApplication::restoreOverrideCursor();
    if (!committed) {
        setObsolete(true);
        m_report(false, tr("The import could not be done again: %1").arg(committed.error()));
        return;
    }
    m_imported = true;
    m_batchId = committed->batchId;
    m_report(true, tr("Imported %1 again: %2 new, %3 merged, %4 already known.")
                       .arg(filesOf(*m_plan))
                       .arg(committed->created)
                       .arg(committed->merged)
                       .arg(committed->unchanged));
}

} // namespace Rapport::Ui
