#pragma once

#include "domain/contact.h"
#include "domain/interaction.h"
#include "domain/introduction.h"
#include "result.h"
#include "undo/commandcontext.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;
class QProgressDialog;
class QTemporaryDir;
class QUndoStack;

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

class ContactListModel;
class ImportJob;
class ContactPage;
class ActivityPage;
class WelcomePage;

/// The window the user lives in: the contacts of one data file, searchable and
/// filterable, with the selected contact's page beside them. An empty file
/// shows a welcome page that offers the sample network.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(std::unique_ptr<Core::Database> database, QWidget *parent = nullptr);
    ~MainWindow() override;

    Core::Database &database() const { return *m_database; }
    ContactListModel *contactModel() const { return m_model; }

    /// Switches to the data file at `path`; on failure the current file stays open.
    Core::Status openDataFile(const QString &path);
    /// Writes a compact copy of the data file to `path` and switches to it
    /// (File → Save As); the current file stays as it was.
    Core::Status saveDataFileAs(const QString &path);
    /// Fills an empty data file with the fictional sample network.
    Core::Status exploreSampleNetwork();
    /// Selects a contact in the list (clearing filters if needed) and shows its page.
    void showContact(qint64 contactId);
    /// Records an interaction with the shown contact; the stage follows at once.
    Core::Status logInteraction(const Core::Interaction &interaction);

    /// Every change made in this data file, for Edit → Undo / Redo. Cleared when
    /// another data file is opened.
    QUndoStack *undoStack() const { return m_undoStack; }
    /// Adds a contact (undoable) and shows it; returns its id.
    Core::Result<qint64> createContact(const Core::Contact &contact);
    /// Replaces the details of `contact.id` (undoable).
    Core::Status editContact(const Core::Contact &contact);
    /// Deletes a contact with everything that hangs off it (undoable), without asking.
    Core::Status deleteContact(qint64 contactId);
    /// Records "A led me to B" (undoable) and shows B.
    Core::Status recordIntroduction(const Core::Introduction &introduction);

    /// Imports vCard files off the GUI thread with a progress dialog, then
    /// shows what happened (with Undo). Returns at once.
    void importFiles(const QStringList &paths);
    /// Whether an import is running.
    bool isImporting() const;

signals:
    /// An import finished (successfully or not); for tests and scripting.
    void importFinished(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createCentralWidgets();
    void attachDatabase();
    void refresh();
    void applyFilters();
    void updateStatus();
    void onSelectionChanged();
    void addContact();
    void openLogInteraction();
    void chooseDataFile(bool createNew);
    void about();
    void chooseImportFiles();
    void undoImport(qint64 batchId);
    void createEditMenu();
    void openEditContact();
    void confirmDeleteContact();
    void openRecordIntroduction();
    void onCommandFailed(const QString &message);
    void createViewActions(QMenu *view);
    void createDataFileActions(QMenu *file);
    void chooseSaveAs();
    void updateRecentMenu();
    void refreshTagFilter();
    void saveWindowState();

    std::unique_ptr<Core::Database> m_database;
    ContactListModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    WelcomePage *m_welcome = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_table = nullptr;
    ContactPage *m_page = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_stageFilter = nullptr;
    QLabel *m_countLabel = nullptr;
    QTimer *m_searchTimer = nullptr;
    QAction *m_sampleAction = nullptr;
    QAction *m_logAction = nullptr;
    ImportJob *m_importJob = nullptr;
    QProgressDialog *m_importProgress = nullptr;
    std::unique_ptr<QTemporaryDir> m_droppedData;
    QUndoStack *m_undoStack = nullptr;
    CommandContext m_commands;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QList<QAction *> m_contactActions;
    ActivityPage *m_activity = nullptr;
    QAction *m_activityAction = nullptr;
    QComboBox *m_tagFilter = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace Rapport::Ui
