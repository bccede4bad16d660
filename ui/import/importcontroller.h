#pragma once

#include "vcard/vcardimporter.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

class QMimeData;
class QProgressDialog;
class QTemporaryDir;
class QUndoStack;
class QWidget;

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

class ImportCommand;
class ImportJob;

/// The window's import, from files or dropped data to an undoable batch:
/// read and match off the GUI thread (progress, Cancel) → the preview, where
/// the user decides card by card → commit off the GUI thread (progress,
/// Cancel) → an ImportCommand on the undo stack and a summary. Files that are
/// not vCards are refused with a message that names them.
class ImportController : public QObject
{
    Q_OBJECT

public:
    using DatabaseAccess = std::function<Core::Database &()>;

    ImportController(QWidget *window, DatabaseAccess database, QUndoStack *undoStack);
    ~ImportController() override;

    /// Starts importing `paths`; returns at once (see finished()).
    void importFiles(const QStringList &paths);
    bool isBusy() const;

    /// Whether a drag carries something an import could take (files, vCard data).
    static bool canTake(const QMimeData *mime);
    /// Imports what was dropped; false (with a message) when it holds nothing to import.
    bool drop(const QMimeData *mime);

signals:
    /// The import ended: ok when something was committed.
    void finished(bool ok);
    /// Contacts changed (an import, undo or redo): the window reloads.
    void contactsChanged();
    /// A line for the status bar.
    void message(const QString &text);

private:
    void planned(const std::shared_ptr<Core::ImportPlan> &plan, const QString &error);
    void commit(const std::shared_ptr<Core::ImportPlan> &plan);
    void committed(const std::shared_ptr<Core::ImportPlan> &plan, const Core::ImportResult &result,
                   const QString &error);
    void undoFromSummary(ImportCommand *command);
    QProgressDialog *showProgress(const QString &title);
    void refuse(const QString &text, const QStringList &details);
    /// A job failed (or was cancelled, which needs no message box).
    void fail(const QString &error);
    void end(bool ok);

    QWidget *m_window;
    DatabaseAccess m_database;
    QUndoStack *m_undoStack;
    ImportJob *m_job = nullptr;
    QPointer<QProgressDialog> m_progress;
    bool m_cancelRequested = false;
    bool m_busy = false;
    std::unique_ptr<QTemporaryDir> m_droppedData;
};

} // namespace Rapport::Ui
