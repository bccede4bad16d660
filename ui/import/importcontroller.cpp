#include "importcontroller.h"

#include "importcommand.h"
#include "importjob.h"
#include "importpreviewdialog.h"
#include "importsummarydialog.h"
#include "plainmessage.h"
#include "store/database.h"

#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QUrl>
#include <QWidget>

namespace Rapport::Ui {

namespace {

const char *const vCardFormats[] = {"text/vcard", "text/x-vcard", "text/directory"};

/// What a drag carries as vCard data itself (a mail client or a browser drops
/// the card, not a file): one of the vCard types, or plain text holding one.
QByteArray droppedCards(const QMimeData *mime)
{
    for (const char *format : vCardFormats) {
        const QByteArray data = mime->data(QString::fromLatin1(format));
        if (!data.isEmpty())
            return data;
    }
    if (mime->hasText() && mime->text().contains(QStringLiteral("BEGIN:VCARD"), Qt::CaseInsensitive))
        return mime->text().toUtf8();
    return {};
}

} // namespace

ImportController::ImportController(QWidget *window, DatabaseAccess database, QUndoStack *undoStack)
    : QObject(window)
    , m_window(window)
    , m_database(std::move(database))
    , m_undoStack(undoStack)
{
}

ImportController::~ImportController()
{
    delete m_job; // waits for the worker, which uses its own connection
}

bool ImportController::isBusy() const
{
    return m_busy;
}

bool ImportController::canTake(const QMimeData *mime)
{
    if (mime->hasUrls())
        return true;
    for (const char *format : vCardFormats) {
        if (mime->hasFormat(QString::fromLatin1(format)))
            return true;
    }
    return mime->hasText() && mime->text().contains(QStringLiteral("BEGIN:VCARD"), Qt::CaseInsensitive);
}

bool ImportController::drop(const QMimeData *mime)
{
    if (m_busy) {
        emit message(tr("An import is already running."));
        return false;
    }
    QStringList paths;
    QStringList remote;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
        else
            remote << url.toDisplayString();
    }
    if (!remote.isEmpty() && paths.isEmpty()) {
        refuse(tr("Only files on this computer can be imported; nothing was imported."), remote);
        return false;
    }
    if (paths.isEmpty()) {
        const QByteArray cards = droppedCards(mime);
        if (cards.isEmpty()) {
            refuse(tr("What was dropped holds no vCard; nothing was imported."), {});
            return false;
        }
        m_droppedData = std::make_unique<QTemporaryDir>();
        QFile file(m_droppedData->filePath(tr("dropped card.vcf")));
        if (!file.open(QIODevice::WriteOnly) || file.write(cards) != cards.size()) {
            refuse(tr("The dropped vCard could not be kept for reading: %1").arg(file.errorString()), {});
            return false;
        }
        file.close();
        paths << file.fileName();
    }
    importFiles(paths);
    return true;
}

QProgressDialog *ImportController::showProgress(const QString &title)
{
    delete m_progress;
    m_cancelRequested = false;
    m_progress = new QProgressDialog(title, tr("Cancel"), 0, 0, m_window);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setWindowTitle(tr("Import"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumWidth(420);
    // Starts the clock of minimumDuration (without a value it waits four seconds).
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        m_cancelRequested = true;
        if (m_job)
            m_job->cancel();
    });
    return m_progress;
}

void ImportController::importFiles(const QStringList &paths)
{
    if (m_busy) {
        emit message(tr("An import is already running."));
        return;
    }
    m_busy = true;
    delete m_job;
    m_planPath = m_database().path();
    m_job = new ImportJob(m_planPath, paths, this);
    showProgress(tr("Reading and matching cards…"));
    connect(m_job, &ImportJob::progressed, this, [this](qint64 done, qint64) {
        if (m_progress)
            m_progress->setLabelText(tr("Reading and matching cards… %L1 read").arg(done));
    });
    connect(m_job, &ImportJob::planned, this, &ImportController::planned);
    m_job->start();
}

void ImportController::planned(const std::shared_ptr<Core::ImportPlan> &plan, const QString &error)
{
    delete m_progress;
    if (!error.isEmpty() || !plan) {
        fail(error);
        return;
    }
    if (plan->cards.isEmpty()) {
        refuse(plan->fileErrors.size() == 1 ? tr("This file is not a vCard; nothing was imported.")
                                            : tr("These files are not vCards; nothing was imported."),
               plan->fileErrors);
        end(false);
        return;
    }
    auto *preview = new ImportPreviewDialog(plan, m_window);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    connect(preview, &QDialog::accepted, this, [this, plan] { commit(plan); });
    connect(preview, &QDialog::rejected, this, [this] {
        emit message(tr("The import was cancelled; nothing was imported."));
        end(false);
    });
    preview->open();
}

void ImportController::commit(const std::shared_ptr<Core::ImportPlan> &plan)
{
    // The plan's matches are contacts of the file it was made for.
    if (m_database().path() != m_planPath) {
        refuse(tr("Another data file was opened since the preview was made; nothing was imported. "
                  "Import the files again to see what they would do in this one."),
               {});
        end(false);
        return;
    }
    delete m_job;
    m_job = new ImportJob(m_database().path(), std::shared_ptr<const Core::ImportPlan>(plan), this);
    QProgressDialog *progress = showProgress(tr("Importing contacts…"));
    progress->setMaximum(int(std::min<qsizetype>(plan->cards.size(), std::numeric_limits<int>::max())));
    connect(m_job, &ImportJob::progressed, this, [this](qint64 done, qint64 total) {
        if (!m_progress)
            return;
        m_progress->setValue(int(done));
        m_progress->setLabelText(tr("Importing contacts… %L1 of %L2").arg(done).arg(total));
    });
    connect(m_job, &ImportJob::finished, this,
            [this, plan](const Core::ImportResult &result, const QString &error) { committed(plan, result, error); });
    m_job->start();
}

void ImportController::committed(const std::shared_ptr<Core::ImportPlan> &plan, const Core::ImportResult &result,
                                 const QString &error)
{
    delete m_progress;
    if (!error.isEmpty()) {
        fail(error);
        return;
    }
    emit contactsChanged();
    emit message(tr("Imported: %1 new, %2 merged, %3 already known.")
                     .arg(result.created)
                     .arg(result.merged)
                     .arg(result.unchanged));
    ImportCommand *command = nullptr;
    if (result.created + result.merged > 0) {
        // The plan stays with the command, for a redo after an undo.
        command = new ImportCommand(m_database(), plan, result, [this](bool, const QString &text) {
            emit contactsChanged();
            emit message(text);
        });
        m_undoStack->push(command);
    }
    end(true);
    if (result.created + result.merged == 0 && result.problems.isEmpty() && result.fileErrors.isEmpty())
        return;
    auto *summary = new ImportSummaryDialog(result, m_window);
    summary->setAttribute(Qt::WA_DeleteOnClose);
    connect(summary, &ImportSummaryDialog::undoRequested, this, [this, command] { undoFromSummary(command); });
    summary->open();
}

void ImportController::undoFromSummary(ImportCommand *command)
{
    // The command may be gone (the stack was cleared) or no longer the last
    // thing done; then only Edit → Undo, in order, can take it back.
    const int index = m_undoStack->index();
    if (command && index > 0 && m_undoStack->command(index - 1) == command) {
        m_undoStack->undo();
        return;
    }
    emit message(tr("Other changes came after this import: undo them first with Edit → Undo."));
}

void ImportController::refuse(const QString &text, const QStringList &details)
{
    // File names are the user's text: all of it plain, in the one label that is.
    const QString full = details.isEmpty() ? text : text + QStringLiteral("\n\n") + details.join(QLatin1Char('\n'));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Import"), QString(), QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("importRefusedMessage"));
    box->setTextFormat(Qt::PlainText);
    box->setText(full);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    emit message(text);
}

void ImportController::fail(const QString &error)
{
    if (m_cancelRequested)
        emit message(tr("The import was cancelled; nothing was imported."));
    else
        showPlainWarning(m_window, tr("Import"), error);
    end(false);
}

void ImportController::end(bool ok)
{
    m_busy = false;
    m_droppedData.reset();
    emit finished(ok);
}

} // namespace Rapport::Ui
