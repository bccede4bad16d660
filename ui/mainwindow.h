#pragma once

#include "domain/contact.h"
#include "domain/interaction.h"
#include "domain/introduction.h"
#include "result.h"
#include "undo/commandcontext.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;
class QUndoStack;

namespace Rapport::Core {
class Database;
class DataFileLock;
class SearchIndexer;
}

namespace Rapport::Ui {

class AfterPaint;
class ContactListModel;
class FollowUps;
class ImportController;
class ContactPage;
class ActivityPage;
class InsightsPage;
class WelcomePage;
class GraphPage;

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
    QUndoStack *undoStack() const { return m_undoStack; }
    /// The Today view, the reminder scheduler and notifications.
    FollowUps *followUps() const { return m_followUps; }

    /// Switches to the data file at `path`; on failure the current file stays open.
    /// A file another Rapport window has open is refused (see Core::DataFileLock).
    Core::Status openDataFile(const QString &path);
    /// Opens `path`; when the file itself cannot be opened (damaged, newer, not
    /// a data file) offers a copy of its backup or another file, until one
    /// opens or the user cancels.
    void openDataFileOrRecover(QString path, const QString &title);
    /// Keeps the lock of the data file the window was opened on, until it
    /// switches to another file or closes.
    void setDataFileLock(std::unique_ptr<Core::DataFileLock> lock);
    /// Writes a compact copy of the data file to `path` and switches to it
    /// (File → Save As); the current file stays as it was.
    Core::Status saveDataFileAs(const QString &path);
    /// Fills an empty data file with the fictional sample network.
    Core::Status exploreSampleNetwork();
    /// Selects a contact in the list (clearing filters if needed) and shows its page.
    void showContact(qint64 contactId);
    /// Records an interaction with the shown contact; the stage follows at once.
    Core::Status logInteraction(const Core::Interaction &interaction);

    /// Adds a contact (undoable) and shows it; returns its id.
    Core::Result<qint64> createContact(const Core::Contact &contact);
    /// Replaces the details of `contact.id` (undoable).
    Core::Status editContact(const Core::Contact &contact);
    /// Deletes a contact with everything that hangs off it (undoable), without asking.
    Core::Status deleteContact(qint64 contactId);
    /// Records "A led me to B" (undoable) and shows B.
    Core::Status recordIntroduction(const Core::Introduction &introduction);

    /// Reads and matches vCard files off the GUI thread, shows the import
    /// preview, commits what the user chose (an undoable step) and shows what
    /// happened. Returns at once.
    void importFiles(const QStringList &paths);
    /// Shows the contact list narrowed to `contactIds` (an Insights bar's people);
    /// touching the search or stage filter shows everyone again.
    void showContactSet(const QList<qint64> &contactIds, const QString &description);
    /// Switches the window to the Insights page, recomputed.
    void showInsights();
    InsightsPage *insightsPage() const { return m_insights; }

    /// Whether an import is running.
    bool isImporting() const;

    /// Shows the relationship graph (with the selected contact's chains) or the contacts.
    void showGraph(bool show);
    GraphPage *graphPage() const { return m_graph; }

signals:
    /// An import finished (successfully or not); for tests and scripting.
    void importFinished(bool ok);
    /// File → Open switched to another data file.
    void dataFileChanged(const QString &path);

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
    void printSummary(bool wholeNetwork, bool toPdf);
    void createEditMenu();
    void openEditContact();
    void confirmDeleteContact();
    void openRecordIntroduction();
    void onCommandFailed(const QString &message);
    void createViewActions(QMenu *view);
    /// Shows one of the central views (the welcome page instead while the file is empty).
    void showView(QWidget *page);
    void syncViewActions();
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
    InsightsPage *m_insights = nullptr;
    QAction *m_insightsAction = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_stageFilter = nullptr;
    QLabel *m_countLabel = nullptr;
    QTimer *m_searchTimer = nullptr;
    // A search shows its list first and the first match's page right after.
    bool m_pageAfterList = false;
    AfterPaint *m_pageAfterPaint = nullptr;
    QAction *m_sampleAction = nullptr;
    QAction *m_logAction = nullptr;
    QUndoStack *m_undoStack = nullptr;
    ImportController *m_import = nullptr;
    GraphPage *m_graph = nullptr;
    QAction *m_graphAction = nullptr;
    std::unique_ptr<Core::DataFileLock> m_dataFileLock;
    std::unique_ptr<Core::SearchIndexer> m_searchIndexer;
    FollowUps *m_followUps = nullptr;
    CommandContext m_commands;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QList<QAction *> m_contactActions;
    ActivityPage *m_activity = nullptr;
    QAction *m_activityAction = nullptr;
    QAction *m_contactsAction = nullptr;
    QActionGroup *m_views = nullptr;
    QComboBox *m_tagFilter = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace Rapport::Ui
