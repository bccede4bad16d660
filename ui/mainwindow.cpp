#include "mainwindow.h"

#include "contacts/addcontactdialog.h"
#include "contacts/afterpaint.h"
#include "contacts/contactlistmodel.h"
#include "contacts/contactpage.h"
#include "contacts/loginteractiondialog.h"
#include "store/interactionstore.h"
#include "import/importcontroller.h"
#include "report/reportpreview.h"
#include "report/reports.h"
#include "insights/insightspage.h"
#include "demo/samplenetwork.h"
#include "graph/graphpage.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/datafilelock.h"
#include "store/searchindexer.h"
#include "today/followups.h"
#include "today/todayview.h"
#include "vcard/vcardimporter.h"
#include "welcomepage.h"
#include "datafilerecovery.h"
#include "plainmessage.h"
#include "contacts/recordintroductiondialog.h"
#include "settings.h"
#include "timeline/activitypage.h"
#include "undo/addcontactcommand.h"
#include "undo/deletecontactcommand.h"
#include "undo/editcontactcommand.h"
#include "undo/loginteractioncommand.h"
#include "undo/recordintroductioncommand.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QCloseEvent>

namespace Rapport::Ui {

using namespace Rapport::Core;

MainWindow::MainWindow(std::unique_ptr<Database> database, QWidget *parent)
    : QMainWindow(parent)
    , m_database(std::move(database))
    , m_searchTimer(new QTimer(this))
    , m_undoStack(new QUndoStack(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    m_searchTimer->setObjectName(QStringLiteral("searchTimer"));
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150);
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::applyFilters);
    createCentralWidgets();
    m_followUps = new FollowUps(this);
    connect(m_followUps, &FollowUps::openContactRequested, this, [this](qint64 id) {
        m_stack->setCurrentWidget(m_splitter);
        showContact(id);
    });
    connect(m_followUps, &FollowUps::contactsChanged, this, [this] {
        m_model->reload();
        if (m_page->contactId() > 0)
            m_page->showContact(m_page->contactId());
    });
    createActions();
    attachDatabase();
    m_import = new ImportController(this, [this]() -> Database & { return *m_database; }, m_undoStack);
    connect(m_import, &ImportController::contactsChanged, this, &MainWindow::refresh);
    connect(m_import, &ImportController::message, this, [this](const QString &text) {
        statusBar()->showMessage(text, 10000);
    });
    connect(m_import, &ImportController::finished, this, &MainWindow::importFinished);
    resize(1240, 800);
    restoreGeometry(Settings::windowGeometry());
    restoreState(Settings::windowState());
}

MainWindow::~MainWindow()
{
    // The undo stack clears itself as it goes and says so: nobody here may
    // still be listening then (this window is half destroyed by that time).
    QObject::disconnect(m_undoStack, nullptr, nullptr, nullptr);
    delete m_import; // waits for a worker, which uses its own connection
    // Views and models go before the connection they read from.
    delete m_stack;
    m_stack = nullptr;
    delete m_model;
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newContact = file->addAction(tr("&New Contact…"), this, &MainWindow::addContact);
    newContact->setObjectName(QStringLiteral("newContactAction"));
    newContact->setShortcut(QKeySequence::New);
    m_logAction = file->addAction(tr("&Log Interaction…"), this, &MainWindow::openLogInteraction);
    m_logAction->setObjectName(QStringLiteral("logInteractionAction"));
    m_logAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_logAction->setToolTip(tr("Record a tweet, email, call or meeting with the selected contact"));
    QAction *import = file->addAction(tr("&Import vCards…"), this, &MainWindow::chooseImportFiles);
    import->setObjectName(QStringLiteral("importAction"));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    import->setToolTip(tr("Import contacts from vCard (.vcf) files; you can also drop them on the window"));
    file->addSeparator();
    QAction *printNetwork = file->addAction(tr("&Print Relationship Summary…"), this, [this] { printSummary(true, false); });
    printNetwork->setObjectName(QStringLiteral("printNetworkSummaryAction"));
    printNetwork->setShortcut(QKeySequence::Print);
    printNetwork->setToolTip(tr("Print the summary of your whole network: the funnel, the clients and the chains behind them"));
    QAction *printContact = file->addAction(tr("Print &Contact Summary…"), this, [this] { printSummary(false, false); });
    printContact->setObjectName(QStringLiteral("printContactSummaryAction"));
    printContact->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    printContact->setToolTip(tr("Print the selected contact's relationship summary"));
    QMenu *pdf = file->addMenu(tr("Save Summary as P&DF"));
    pdf->addAction(tr("Relationship Summary…"), this, [this] { printSummary(true, true); })
        ->setObjectName(QStringLiteral("saveNetworkSummaryPdfAction"));
    pdf->addAction(tr("Contact Summary…"), this, [this] { printSummary(false, true); })
        ->setObjectName(QStringLiteral("saveContactSummaryPdfAction"));
    file->addSeparator();
    QAction *open = file->addAction(tr("&Open Data File…"), this, [this] { chooseDataFile(false); });
    open->setObjectName(QStringLiteral("openDataFileAction"));
    open->setShortcut(QKeySequence::Open);
    QAction *create = file->addAction(tr("New &Data File…"), this, [this] { chooseDataFile(true); });
    create->setObjectName(QStringLiteral("newDataFileAction"));
    createDataFileActions(file);
    m_sampleAction = file->addAction(tr("Explore a &Sample Network"), this, [this] {
        if (Status status = exploreSampleNetwork(); !status)
            showPlainWarning(this, tr("Sample Network"), status.error());
    });
    m_sampleAction->setObjectName(QStringLiteral("exploreSampleAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    createEditMenu();

    QMenu *view = menuBar()->addMenu(tr("&View"));
    createViewActions(view);
    view->addSeparator();
    QAction *find = view->addAction(tr("&Find Contact"), this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    find->setObjectName(QStringLiteral("findAction"));
    view->addSeparator();
    view->addAction(m_followUps->keepRunningAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = help->addAction(tr("&About Rapport"), this, &MainWindow::about);
    aboutAction->setMenuRole(QAction::AboutRole);

    QToolBar *toolbar = addToolBar(tr("Contacts"));
    toolbar->setObjectName(QStringLiteral("contactsToolBar"));
    toolbar->setMovable(false);
    toolbar->addAction(newContact);
    toolbar->addAction(m_logAction);
    toolbar->addAction(import);
    toolbar->addSeparator();
    toolbar->addActions(m_views->actions());
    toolbar->addSeparator();
    toolbar->addWidget(m_search);
    toolbar->addWidget(m_stageFilter);
    toolbar->addWidget(m_tagFilter);
}

void MainWindow::createCentralWidgets()
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search names, organizations, emails, phones, tags, notes"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        // Every search shows its first page in milliseconds: run it at the next
        // turn of the event loop (which still folds a paste into one search).
        Q_UNUSED(text);
        m_searchTimer->start(0);
    });

    m_stageFilter = new QComboBox(this);
    m_stageFilter->setObjectName(QStringLiteral("stageFilter"));
    m_stageFilter->addItem(tr("All stages"), -1);
    m_stageFilter->addItem(stageDisplayName(Stage::None), static_cast<int>(Stage::None));
    for (Stage stage : stageLadder())
        m_stageFilter->addItem(stageDisplayName(stage), static_cast<int>(stage));
    connect(m_stageFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilters);

    m_tagFilter = new QComboBox(this);
    m_tagFilter->setObjectName(QStringLiteral("tagFilter"));
    m_tagFilter->setToolTip(tr("Show only the contacts with this tag"));
    m_tagFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tagFilter->setMinimumContentsLength(10);
    connect(m_tagFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilters);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("contactCountLabel"));
    statusBar()->addWidget(m_countLabel, 1);
}

void MainWindow::attachDatabase()
{
    // Rebuild the views over the current connection (first start or File → Open).
    // The undo history belongs to the file it changed.
    m_undoStack->clear();
    m_commands.database = m_database.get();
    Settings::addRecentDataFile(m_database->path());
    updateRecentMenu();
    if (m_stack) {
        saveWindowState();
        delete m_stack;
        delete m_model;
    }
    // After an import of thousands of cards the search index catches up on a
    // thread of its own; searches meanwhile read every contact.
    m_searchIndexer = std::make_unique<SearchIndexer>(m_database->path(), m_database->clock());
    m_searchIndexer->catchUp();
    m_model = new ContactListModel(*m_database, this);
    connect(m_model, &ContactListModel::loadFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });

    m_stack = new QStackedWidget(this);
    m_welcome = new WelcomePage(m_stack);
    connect(m_welcome, &WelcomePage::exploreSampleRequested, this, [this] {
        if (Status status = exploreSampleNetwork(); !status)
            showPlainWarning(this, tr("Sample Network"), status.error());
    });
    connect(m_welcome, &WelcomePage::addContactRequested, this, &MainWindow::addContact);
    m_stack->addWidget(m_welcome);

    m_splitter = new QSplitter(Qt::Horizontal, m_stack);
    m_splitter->setObjectName(QStringLiteral("contactsSplitter"));
    m_table = new QTableView(m_splitter);
    m_table->setObjectName(QStringLiteral("contactTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ContactListModel::NameColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ContactListModel::NameColumn, 150);
    m_table->setColumnWidth(ContactListModel::OrganizationColumn, 170);
    m_table->setColumnWidth(ContactListModel::StageColumn, 72);
    m_table->setColumnWidth(ContactListModel::LastInteractionColumn, 112);
    m_table->setColumnWidth(ContactListModel::NextFollowUpColumn, 112);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_page = new ContactPage(*m_database, m_splitter);
    connect(m_page, &ContactPage::contactActivated, this, &MainWindow::showContact);
    connect(m_page, &ContactPage::addFollowUpRequested, m_followUps, &FollowUps::addFollowUp);
    connect(m_page, &ContactPage::printSummaryRequested, this, [this] { printSummary(false, false); });
    connect(m_page, &ContactPage::logRequested, this, &MainWindow::openLogInteraction);
    connect(m_page, &ContactPage::introductionRequested, this, &MainWindow::openRecordIntroduction);
    connect(m_page, &ContactPage::editRequested, this, &MainWindow::openEditContact);
    connect(m_page, &ContactPage::deleteRequested, this, &MainWindow::confirmDeleteContact);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_page);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({740, 460});
    m_splitter->restoreState(Settings::splitterState(QStringLiteral("contacts")));
    m_stack->addWidget(m_splitter);
    m_undoStack->clear(); // its commands belong to the previous file's pages
    m_graph = new GraphPage(*m_database, m_undoStack, m_stack);
    connect(m_graph, &GraphPage::contactActivated, this, [this](qint64 id) {
        showGraph(false);
        showContact(id);
    });
    connect(m_graph, &GraphPage::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    m_stack->addWidget(m_graph);
    m_activity = new ActivityPage(*m_database, m_stack);
    connect(m_activity, &ActivityPage::contactActivated, this, [this](qint64 id) {
        showView(m_splitter);
        showContact(id);
    });
    m_stack->addWidget(m_activity);
    m_insights = new InsightsPage(*m_database, m_stack);
    connect(m_insights, &InsightsPage::contactsRequested, this, &MainWindow::showContactSet);
    m_stack->addWidget(m_insights);
    setCentralWidget(m_stack);
    m_followUps->attach(*m_database, m_stack);
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::syncViewActions);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(m_model, &ContactListModel::totalCountKnown, this, &MainWindow::updateStatus);
    setWindowFilePath(m_database->path());
    setWindowTitle(tr("%1 — Rapport").arg(QFileInfo(m_database->path()).fileName()));
    refresh();
}

void MainWindow::refresh()
{
    const qint64 selected = m_page->contactId();
    m_model->reload();
    m_searchIndexer->catchUp();
    const qint64 total = ContactStore(*m_database).count().valueOr(0);
    refreshTagFilter();
    m_activity->reload();
    m_graph->invalidate();
    m_graphAction->setEnabled(total > 0);
    m_followUps->refresh();
    // Stay on the view the user chose; an empty file shows the welcome page.
    if (total == 0)
        m_stack->setCurrentWidget(m_welcome);
    else if (m_stack->currentWidget() == m_welcome)
        m_stack->setCurrentWidget(m_splitter);
    for (QAction *action : m_views->actions())
        action->setEnabled(total > 0);
    m_sampleAction->setEnabled(total == 0);
    m_logAction->setEnabled(total > 0);
    for (QAction *action : std::as_const(m_contactActions))
        action->setEnabled(total > 0);
    if (selected > 0 && m_model->rowOf(selected) >= 0)
        showContact(selected);
    else if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    else
        m_page->clear();
}

void MainWindow::applyFilters()
{
    ContactListQuery query = m_model->query();
    query.search = m_search->text();
    query.ids.reset();
    const int stage = m_stageFilter->currentData().toInt();
    query.stage = stage < 0 ? std::nullopt : std::optional<Stage>(static_cast<Stage>(stage));
    query.tag = m_tagFilter->currentData().toString();
    m_model->setQuery(query);
    if (m_model->rowCount() > 0) {
        m_pageAfterList = true;
        m_table->selectRow(0);
        m_pageAfterList = false;
    } else {
        m_page->clear();
    }
}

void MainWindow::showInsights()
{
    if (Status loaded = m_insights->reload(); !loaded)
        statusBar()->showMessage(loaded.error(), 10000);
    showView(m_insights);
}

void MainWindow::showContactSet(const QList<qint64> &contactIds, const QString &description)
{
    for (QWidget *filter : std::initializer_list<QWidget *>{m_search, m_stageFilter})
        filter->blockSignals(true);
    m_search->clear();
    m_stageFilter->setCurrentIndex(0);
    for (QWidget *filter : std::initializer_list<QWidget *>{m_search, m_stageFilter})
        filter->blockSignals(false);
    ContactListQuery query = m_model->query();
    query.search.clear();
    query.stage.reset();
    query.ids = contactIds;
    m_model->setQuery(query);
    m_stack->setCurrentWidget(m_splitter);
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    statusBar()->showMessage(contactIds.size() == 1
                                 ? tr("Showing the one contact who %1. Search or pick a stage to see everyone.")
                                       .arg(description)
                                 : tr("Showing the %1 contacts who %2. Search or pick a stage to see everyone.")
                                       .arg(contactIds.size())
                                       .arg(description));
}

void MainWindow::updateStatus()
{
    const std::optional<qint64> matching = m_model->knownTotalCount();
    const QString file = QDir::toNativeSeparators(m_database->path());
    if (!matching) {
        // Not even counting everyone (a scan of a large file) before the list shows.
        m_countLabel->setText(tr("Counting the contacts that match…  ·  %1").arg(file));
        return;
    }
    const qint64 total = ContactStore(*m_database).count().valueOr(0);
    const qint64 shown = *matching;
    if (shown == total)
        m_countLabel->setText(tr("%1 contacts  ·  %2").arg(total).arg(file));
    else
        m_countLabel->setText(tr("%1 of %2 contacts match  ·  %3").arg(shown).arg(total).arg(file));
}

void MainWindow::onSelectionChanged()
{
    if (m_pageAfterList) {
        // Building a contact's page takes longer than the list's new rows:
        // let the list paint first, then show the page of what is selected then.
        if (!m_pageAfterPaint)
            m_pageAfterPaint = new AfterPaint(m_table->viewport(), this);
        m_pageAfterPaint->run([this] { onSelectionChanged(); });
        return;
    }
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const qint64 id = m_model->contactId(current.row());
    if (id > 0)
        m_page->showContact(id);
    else
        m_page->clear();
}

void MainWindow::showContact(qint64 contactId)
{
    // Only among the rows fetched so far, never paging through a large file
    // (each page deeper costs more): a contact further down is shown at once,
    // just not selected in the list.
    auto findRow = [this, contactId] { return m_model->rowOf(contactId); };
    int row = findRow();
    const bool filtered = !m_search->text().isEmpty() || m_stageFilter->currentIndex() > 0
                          || m_tagFilter->currentIndex() > 0;
    if (row < 0 && filtered) {
        // Filtered out: clear the filters rather than refuse to show the contact.
        m_search->blockSignals(true);
        m_search->clear();
        m_search->blockSignals(false);
        m_stageFilter->blockSignals(true);
        m_stageFilter->setCurrentIndex(0);
        m_stageFilter->blockSignals(false);
        m_tagFilter->blockSignals(true);
        m_tagFilter->setCurrentIndex(0);
        m_tagFilter->blockSignals(false);
        applyFilters();
        row = findRow();
    }
    if (m_stack->currentWidget() == m_activity)
        m_stack->setCurrentWidget(m_splitter);
    if (row >= 0) {
        m_table->selectRow(row);
        m_table->scrollTo(m_model->index(row, 0));
    } else {
        const QSignalBlocker blocker(m_table->selectionModel());
        m_table->clearSelection();
        m_table->selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
    }
    m_page->showContact(contactId);
}

void MainWindow::showGraph(bool show)
{
    if (ContactStore(*m_database).count().valueOr(0) == 0)
        return;
    m_stack->setCurrentWidget(show ? static_cast<QWidget *>(m_graph) : m_splitter);
    if (show)
        m_graph->showContactIfConnected(m_page->contactId());
    (show ? static_cast<QWidget *>(m_graph) : m_table)->setFocus();
}

Status MainWindow::exploreSampleNetwork()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    Status status = SampleNetwork::populate(*m_database);
    QApplication::restoreOverrideCursor();
    if (status) {
        refresh();
        statusBar()->showMessage(tr("The sample network is fictional. Select someone to see their story."), 8000);
    }
    return status;
}

void MainWindow::openLogInteraction()
{
    const qint64 id = m_page->contactId();
    if (id <= 0) {
        statusBar()->showMessage(tr("Select a contact first."), 5000);
        return;
    }
    auto contact = ContactStore(*m_database).get(id);
    if (!contact)
        return;
    LogInteractionDialog dialog(contact->name(), m_database->clock().now(), this);
    // A save that fails (a full disk, a read-only file) brings the dialog back
    // with what was typed, so that nothing is lost.
    while (dialog.exec() == QDialog::Accepted) {
        const Status logged = logInteraction(dialog.interaction());
        if (logged)
            return;
        showPlainWarning(this, tr("Log Interaction"), logged.error());
    }
}

Status MainWindow::logInteraction(const Interaction &interaction)
{
    const qint64 id = m_page->contactId();
    if (id <= 0)
        return Status::failure(tr("Select a contact first."));
    auto contact = ContactStore(*m_database).get(id);
    if (!contact)
        return contact.status();
    Interaction withContact = interaction;
    withContact.participants = {id};
    // The list (stage, last interaction) and the page show it at once.
    return DataCommand::push(*m_undoStack, new LogInteractionCommand(m_commands, withContact, contact->name()));
}

void MainWindow::addContact()
{
    AddContactDialog dialog(this);
    while (dialog.exec() == QDialog::Accepted) {
        const auto id = createContact(dialog.contact());
        if (id)
            return;
        showPlainWarning(this, tr("New Contact"), id.error());
    }
}

Result<qint64> MainWindow::createContact(const Contact &contact)
{
    auto *command = new AddContactCommand(m_commands, contact);
    if (Status added = DataCommand::push(*m_undoStack, command); !added)
        return added;
    return command->contactId();
}

Status MainWindow::editContact(const Contact &contact)
{
    auto before = ContactStore(*m_database).get(contact.id);
    if (!before)
        return before.status();
    return DataCommand::push(*m_undoStack, new EditContactCommand(m_commands, *before, contact));
}

Status MainWindow::deleteContact(qint64 contactId)
{
    auto contact = ContactStore(*m_database).get(contactId);
    if (!contact)
        return contact.status();
    return DataCommand::push(*m_undoStack, new DeleteContactCommand(m_commands, contactId, contact->name()));
}

Status MainWindow::recordIntroduction(const Introduction &introduction)
{
    ContactStore contacts(*m_database);
    auto from = contacts.get(introduction.fromContact);
    auto to = contacts.get(introduction.toContact);
    if (!from)
        return from.status();
    if (!to)
        return to.status();
    return DataCommand::push(*m_undoStack,
                             new RecordIntroductionCommand(m_commands, introduction, from->name(), to->name()));
}

void MainWindow::createEditMenu()
{
    m_commands.changed = [this](qint64 contactId) {
        refresh();
        if (contactId > 0)
            showContact(contactId);
    };
    m_commands.failed = [this](const QString &message) {
        // Not from inside the stack's own undo()/redo(): clear it once they returned.
        QTimer::singleShot(0, this, [this, message] { onCommandFailed(message); });
    };

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = edit->addAction(tr("&Undo"), m_undoStack, &QUndoStack::undo);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = edit->addAction(tr("&Redo"), m_undoStack, &QUndoStack::redo);
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    // Command texts name people: shown literally, never as a shortcut mark or markup.
    auto follow = [](QAction *action, const QString &plain, const QString &named, const QString &text) {
        action->setText(text.isEmpty() ? plain : named.arg(literalMnemonicText(text)));
        action->setToolTip(plainToolTip(text.isEmpty() ? QString(plain).remove(QLatin1Char('&'))
                                                       : QString(named).remove(QLatin1Char('&')).arg(text)));
    };
    connect(m_undoStack, &QUndoStack::undoTextChanged, m_undoAction, [this, follow](const QString &text) {
        follow(m_undoAction, tr("&Undo"), tr("&Undo %1"), text);
    });
    connect(m_undoStack, &QUndoStack::redoTextChanged, m_redoAction, [this, follow](const QString &text) {
        follow(m_redoAction, tr("&Redo"), tr("&Redo %1"), text);
    });
    connect(m_undoStack, &QUndoStack::canUndoChanged, m_undoAction, &QAction::setEnabled);
    connect(m_undoStack, &QUndoStack::canRedoChanged, m_redoAction, &QAction::setEnabled);
    m_undoAction->setEnabled(false);
    m_redoAction->setEnabled(false);
    edit->addSeparator();

    QAction *editContact = edit->addAction(tr("&Edit Contact…"), this, &MainWindow::openEditContact);
    editContact->setObjectName(QStringLiteral("editContactAction"));
    editContact->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *introduce = edit->addAction(tr("Record &Introduction…"), this, &MainWindow::openRecordIntroduction);
    introduce->setObjectName(QStringLiteral("recordIntroductionAction"));
    introduce->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    introduce->setToolTip(tr("Record who introduced or recommended the selected contact, or whom they led you to"));
    QAction *remove = edit->addAction(tr("&Delete Contact…"), this, &MainWindow::confirmDeleteContact);
    remove->setObjectName(QStringLiteral("deleteContactAction"));
    remove->setShortcut(QKeySequence::Delete);
    m_contactActions = {editContact, introduce, remove};
}

void MainWindow::refreshTagFilter()
{
    const QString current = m_tagFilter->currentData().toString();
    const QStringList tags = ContactStore(*m_database).tagsInUse().valueOr({});
    m_tagFilter->blockSignals(true);
    m_tagFilter->clear();
    m_tagFilter->addItem(tr("All tags"), QString());
    for (const QString &tag : tags)
        m_tagFilter->addItem(tag, tag);
    const int index = current.isEmpty() ? 0 : m_tagFilter->findData(current);
    m_tagFilter->setCurrentIndex(std::max(index, 0));
    m_tagFilter->setEnabled(!tags.isEmpty());
    m_tagFilter->blockSignals(false);
    if (!current.isEmpty() && index < 0) {
        // The tag went away with its last contact: show everyone again.
        ContactListQuery query = m_model->query();
        query.tag.clear();
        m_model->setQuery(query);
    }
}

void MainWindow::createDataFileActions(QMenu *file)
{
    QAction *saveAs = file->addAction(tr("Save Data File &As…"), this, &MainWindow::chooseSaveAs);
    saveAs->setObjectName(QStringLiteral("saveDataFileAsAction"));
    saveAs->setShortcut(QKeySequence::SaveAs);
    saveAs->setToolTip(tr("Write a copy of this data file under a new name and continue in the copy"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentFilesMenu"));
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList paths = Settings::recentDataFiles();
    for (const QString &path : paths) {
        // File names are plain text: '&' must not turn into a shortcut mark.
        QAction *open = m_recentMenu->addAction(literalMnemonicText(QDir::toNativeSeparators(path)));
        open->setObjectName(QStringLiteral("recentFileAction"));
        open->setData(path);
        open->setEnabled(QFileInfo(path).absoluteFilePath() != QFileInfo(m_database->path()).absoluteFilePath());
        connect(open, &QAction::triggered, this, [this, path] {
            if (!QFileInfo::exists(path)) {
                Settings::removeRecentDataFile(path);
                updateRecentMenu();
                showPlainWarning(this, tr("Open Data File"),
                                 tr("“%1” no longer exists.").arg(QDir::toNativeSeparators(path)));
                return;
            }
            openDataFileOrRecover(path, tr("Open Data File"));
        });
    }
    m_recentMenu->setEnabled(!paths.isEmpty());
}

void MainWindow::chooseSaveAs()
{
    const QString dir = QFileInfo(m_database->path()).absolutePath();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Data File As"), dir,
                                                      tr("Rapport data files (*.sqlite *.rapport);;All files (*)"));
    if (path.isEmpty())
        return;
    if (Status saved = saveDataFileAs(path); !saved)
        showPlainWarning(this, tr("Save Data File As"), saved.error());
}

Status MainWindow::saveDataFileAs(const QString &path)
{
    if (isImporting())
        return Status::failure(tr("Wait for the import to finish first."));
    QApplication::setOverrideCursor(Qt::WaitCursor);
    Status copied = m_database->copyTo(path);
    QApplication::restoreOverrideCursor();
    if (!copied)
        return copied;
    if (Status opened = openDataFile(path); !opened)
        return Status::failure(tr("The copy was written to “%1” but cannot be opened: %2")
                                   .arg(QDir::toNativeSeparators(path), opened.error()));
    statusBar()->showMessage(tr("Now working in %1").arg(QDir::toNativeSeparators(path)), 8000);
    return Status::success();
}

void MainWindow::saveWindowState()
{
    if (m_splitter)
        Settings::setSplitterState(QStringLiteral("contacts"), m_splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    Settings::setWindowGeometry(saveGeometry());
    Settings::setWindowState(saveState());
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::createViewActions(QMenu *view)
{
    // One view at a time in the central area; the checked action says which.
    m_views = new QActionGroup(this);
    m_views->setExclusive(true);
    m_contactsAction = view->addAction(tr("&Contacts"), this, [this] { showView(m_splitter); });
    m_contactsAction->setObjectName(QStringLiteral("showContactsAction"));
    m_contactsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_contactsAction->setToolTip(tr("Everyone you know, with the selected contact's page (Ctrl+Shift+C)"));
    QAction *today = m_followUps->todayAction();
    view->addAction(today);
    m_graphAction = view->addAction(tr("Relationship &Graph"), this, [this] { showGraph(true); });
    m_graphAction->setObjectName(QStringLiteral("graphAction"));
    m_graphAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_graphAction->setToolTip(tr("See how every connection led to the next (Ctrl+G)"));
    m_activityAction = view->addAction(tr("&Activity"), this, [this] {
        m_activity->reload();
        showView(m_activity);
    });
    m_activityAction->setObjectName(QStringLiteral("showActivityAction"));
    m_activityAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_activityAction->setToolTip(tr("Everyone's interactions, newest first, by kind and period (Ctrl+Shift+A)"));
    m_insightsAction = view->addAction(tr("&Insights"), this, &MainWindow::showInsights);
    m_insightsAction->setObjectName(QStringLiteral("insightsAction"));
    m_insightsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_insightsAction->setToolTip(tr("The numbers behind your relationships: funnel, activity, introducers "
                                    "(Ctrl+Shift+I)"));
    for (QAction *action : {m_contactsAction, today, m_graphAction, m_activityAction, m_insightsAction}) {
        action->setCheckable(true);
        m_views->addAction(action);
    }
    m_contactsAction->setChecked(true);
}

void MainWindow::showView(QWidget *page)
{
    if (ContactStore(*m_database).count().valueOr(0) == 0)
        page = m_welcome;
    m_stack->setCurrentWidget(page);
    syncViewActions();
}

void MainWindow::syncViewActions()
{
    QWidget *current = m_stack->currentWidget();
    QAction *action = current == m_graph                   ? m_graphAction
                      : current == m_activity              ? m_activityAction
                      : current == m_insights              ? m_insightsAction
                      : current == m_followUps->todayView() ? m_followUps->todayAction()
                                                            : m_contactsAction;
    action->setChecked(true);
}

void MainWindow::onCommandFailed(const QString &message)
{
    m_undoStack->clear();
    refresh();
    showPlainWarning(this, tr("Undo"), tr("%1\n\nNothing was changed; the undo history was cleared.").arg(message));
}

void MainWindow::openEditContact()
{
    const qint64 id = m_page->contactId();
    auto contact = id > 0 ? ContactStore(*m_database).get(id) : Result<Contact>(Status::failure({}));
    if (!contact) {
        statusBar()->showMessage(tr("Select a contact first."), 5000);
        return;
    }
    AddContactDialog dialog(*contact, this);
    while (dialog.exec() == QDialog::Accepted) {
        const Status edited = editContact(dialog.contact());
        if (edited)
            return;
        showPlainWarning(this, tr("Edit Contact"), edited.error());
    }
}

void MainWindow::confirmDeleteContact()
{
    const qint64 id = m_page->contactId();
    auto contact = id > 0 ? ContactStore(*m_database).get(id) : Result<Contact>(Status::failure({}));
    if (!contact) {
        statusBar()->showMessage(tr("Select a contact first."), 5000);
        return;
    }
    if (!askPlainQuestion(this, tr("Delete Contact"),
                          tr("Delete %1 with their interactions, introductions and follow-ups?\n\n"
                             "Edit → Undo brings everything back.")
                              .arg(contact->name()),
                          tr("&Delete")))
        return;
    if (Status deleted = deleteContact(id); !deleted)
        showPlainWarning(this, tr("Delete Contact"), deleted.error());
}

void MainWindow::openRecordIntroduction()
{
    const qint64 id = m_page->contactId();
    auto contact = id > 0 ? ContactStore(*m_database).get(id) : Result<Contact>(Status::failure({}));
    if (!contact) {
        statusBar()->showMessage(tr("Select a contact first."), 5000);
        return;
    }
    RecordIntroductionDialog dialog(*m_database, *contact, this);
    while (dialog.exec() == QDialog::Accepted) {
        const Status recorded = recordIntroduction(dialog.introduction());
        if (recorded)
            return;
        showPlainWarning(this, tr("Record Introduction"), recorded.error());
    }
}

Status MainWindow::openDataFile(const QString &path)
{
    if (m_dataFileLock && DataFileLock::canonicalPath(path) == m_dataFileLock->dataFilePath())
        return Status::success(); // already open here
    auto lock = DataFileLock::acquire(path);
    if (!lock)
        return lock.status();
    auto opened = Database::open(path);
    if (!opened)
        return opened.status();
    m_undoStack->clear(); // its commands act on the file being closed
    m_database = std::move(opened).value();
    m_dataFileLock = std::move(lock).value();
    attachDatabase();
    if (!m_database->backupPath().isEmpty()) {
        statusBar()->showMessage(tr("The data file was updated to a new format; the previous one is kept at %1")
                                     .arg(QDir::toNativeSeparators(m_database->backupPath())),
                                 15000);
    }
    emit dataFileChanged(m_database->path());
    return Status::success();
}

void MainWindow::setDataFileLock(std::unique_ptr<DataFileLock> lock)
{
    m_dataFileLock = std::move(lock);
}

void MainWindow::chooseDataFile(bool createNew)
{
    const QString dir = QFileInfo(m_database->path()).absolutePath();
    const QString filter = tr("Rapport data files (*.sqlite *.rapport);;All files (*)");
    const QString path = createNew ? QFileDialog::getSaveFileName(this, tr("New Data File"), dir, filter)
                                   : QFileDialog::getOpenFileName(this, tr("Open Data File"), dir, filter);
    if (path.isEmpty())
        return;
    if (createNew && QFileInfo::exists(path)) {
        showPlainWarning(this, tr("New Data File"),
                         tr("“%1” already exists. Open it with File → Open Data File instead.")
                             .arg(QDir::toNativeSeparators(path)));
        return;
    }
    openDataFileOrRecover(path, createNew ? tr("New Data File") : tr("Open Data File"));
}

void MainWindow::openDataFileOrRecover(QString path, const QString &title)
{
    for (;;) {
        // Another window holding the file is not a problem of the file: no backup to offer.
        if (auto lock = DataFileLock::acquire(path); !lock) {
            if (!(m_dataFileLock && DataFileLock::canonicalPath(path) == m_dataFileLock->dataFilePath())) {
                showPlainWarning(this, title, lock.error());
                return;
            }
        }
        const Status status = openDataFile(path);
        if (status)
            return;
        path = DataFileRecovery::ask(this, path, status.error(), tr("Cancel"));
        if (path.isEmpty())
            return;
    }
}

void MainWindow::chooseImportFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import vCards"), QString(), tr("vCard files (*.vcf *.vcard);;All files (*)"));
    if (!paths.isEmpty())
        importFiles(paths);
}

bool MainWindow::isImporting() const
{
    return m_import->isBusy();
}

void MainWindow::importFiles(const QStringList &paths)
{
    m_import->importFiles(paths);
}

void MainWindow::printSummary(bool wholeNetwork, bool toPdf)
{
    const qint64 id = m_page->contactId();
    if (!wholeNetwork && id <= 0) {
        statusBar()->showMessage(tr("Select a contact first."), 5000);
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString title = Reports::networkSummaryTitle();
    QString fileName = tr("Network summary");
    Result<ReportDocument> document = Status::failure(QString());
    if (wholeNetwork) {
        document = Reports::networkSummary(*m_database);
    } else {
        auto contact = ContactStore(*m_database).get(id);
        if (contact) {
            title = Reports::contactSummaryTitle(contact->name());
            fileName = tr("Relationship summary - %1").arg(contact->name()).left(120);
            fileName.replace(QLatin1Char('/'), QLatin1Char('-'));
        }
        document = Reports::contactSummary(*m_database, id);
    }
    QApplication::restoreOverrideCursor();
    if (!document) {
        showPlainWarning(this, tr("Print"), document.error());
        return;
    }
    if (toPdf)
        ReportPreview::saveAsPdf(this, *document, title, fileName);
    else
        ReportPreview::preview(this, *document, title, fileName);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (ImportController::canTake(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (m_import->drop(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Rapport"),
                       tr("<h3>Rapport %1</h3><p>A personal CRM for solopreneurs: who you know, how you came to "
                          "know them, where each relationship stands, and what to do next.</p>"
                          "<p>Your data stays in one file on your computer.</p>")
                           .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
}

} // namespace Rapport::Ui
