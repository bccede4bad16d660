#include "graphpage.h"

#include "addintroductioncommand.h"
#include "graph/forcelayout.h"
#include "graph/graphstore.h"
#include "graphdocument.h"
#include "graphrenderer.h"
#include "graphview.h"
#include "plainmessage.h"
#include "layoutrunner.h"
#include "movecontactcommand.h"
#include "stagecolors.h"
#include "store/database.h"
#include "store/introductionstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStringListModel>
#include <QTextBrowser>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

namespace Rapport::Ui {

using namespace Rapport::Core;

namespace {

constexpr int maxChainsShown = 12;
// Attribution is one walk per contact: worth it for a summary up to this size.
constexpr int attributionSummaryLimit = 3000;

QString contactLink(const GraphNode &node)
{
    return QStringLiteral("<a href=\"contact:%1\" style=\"color:#1d2125;text-decoration:none\"><b>%2</b></a>")
        .arg(node.id)
        .arg(node.name.toHtmlEscaped());
}

QString stageBadge(Stage stage)
{
    return QStringLiteral("<span style=\"color:%1\">●</span> %2")
        .arg(stageColor(stage).name(), stageDisplayName(stage).toHtmlEscaped());
}

/// "1 client", "3 clients": English plurals without a translation file.
QString count(int n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

} // namespace

GraphPage::GraphPage(Database &database, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_undoStack(undoStack)
    , m_document(new GraphDocument(this))
    , m_runner(new LayoutRunner(this))
{
    setObjectName(QStringLiteral("graphPage"));
    createWidgets();
    connect(m_document, &GraphDocument::selectionChanged, this, &GraphPage::updatePanel);
    connect(m_runner, &LayoutRunner::progressed, m_document, &GraphDocument::setLayoutPositions);
    connect(m_runner, &LayoutRunner::finished, this, [this](const std::vector<QPointF> &positions, bool) {
        m_document->setLayoutPositions(positions);
        savePositions();
        if (m_fitWhenSettled) {
            m_fitWhenSettled = false;
            m_view->fitToContacts();
        }
        updateStatus();
        emit layoutFinished();
    });
}

GraphPage::~GraphPage()
{
    m_runner->cancel();
}

void GraphPage::createWidgets()
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("graphSearch"));
    m_search->setPlaceholderText(tr("Find a contact in the graph"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_names = new QStringListModel(this);
    auto *completer = new QCompleter(m_names, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_search->setCompleter(completer);
    connect(m_search, &QLineEdit::returnPressed, this, &GraphPage::searchContact);
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this, &GraphPage::searchContact);

    m_stageFilter = new QComboBox(this);
    m_stageFilter->setObjectName(QStringLiteral("graphStageFilter"));
    m_stageFilter->addItem(tr("All stages"), -1);
    m_stageFilter->addItem(stageDisplayName(Stage::None), int(Stage::None));
    for (Stage stage : stageLadder())
        m_stageFilter->addItem(stageDisplayName(stage), int(stage));
    m_tagFilter = new QComboBox(this);
    m_tagFilter->setObjectName(QStringLiteral("graphTagFilter"));
    m_tagFilter->setMinimumContentsLength(10);
    m_periodFilter = new QComboBox(this);
    m_periodFilter->setObjectName(QStringLiteral("graphPeriodFilter"));
    m_periodFilter->addItem(tr("All time"), 0);
    m_periodFilter->addItem(tr("Past 30 days"), 30);
    m_periodFilter->addItem(tr("Past 90 days"), 90);
    m_periodFilter->addItem(tr("Past 12 months"), 365);
    m_egoCheck = new QCheckBox(tr("Only around the selected contact,"), this);
    m_egoCheck->setObjectName(QStringLiteral("graphEgoCheck"));
    m_egoHops = new QSpinBox(this);
    m_egoHops->setObjectName(QStringLiteral("graphEgoHops"));
    m_egoHops->setRange(1, 6);
    m_egoHops->setValue(2);
    m_egoHops->setSuffix(tr(" steps"));
    for (QComboBox *box : {m_stageFilter, m_tagFilter, m_periodFilter})
        connect(box, &QComboBox::currentIndexChanged, this, &GraphPage::applyFilters);
    connect(m_egoCheck, &QCheckBox::toggled, this, &GraphPage::applyFilters);
    connect(m_egoHops, &QSpinBox::valueChanged, this, &GraphPage::applyFilters);

    auto *fit = new QToolButton(this);
    fit->setObjectName(QStringLiteral("graphFitButton"));
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Show every contact (0)"));
    auto *rearrangeButton = new QToolButton(this);
    rearrangeButton->setObjectName(QStringLiteral("graphRearrangeButton"));
    rearrangeButton->setText(tr("Rearrange"));
    rearrangeButton->setToolTip(tr("Arrange every contact you have not pinned afresh"));
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("graphExportButton"));
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(tr("As PNG Image…"), this, [this] { chooseExport(false); })
        ->setObjectName(QStringLiteral("graphExportPngAction"));
    exportMenu->addAction(tr("As SVG Drawing…"), this, [this] { chooseExport(true); })
        ->setObjectName(QStringLiteral("graphExportSvgAction"));
    exportButton->setMenu(exportMenu);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(10, 8, 10, 6);
    bar->setSpacing(8);
    bar->addWidget(m_search);
    bar->addSpacing(6);
    bar->addWidget(m_stageFilter);
    bar->addWidget(m_tagFilter);
    bar->addWidget(m_periodFilter);
    bar->addSpacing(6);
    bar->addWidget(m_egoCheck);
    bar->addWidget(m_egoHops);
    bar->addStretch(1);
    bar->addWidget(fit);
    bar->addWidget(rearrangeButton);
    bar->addWidget(exportButton);

    m_view = new GraphView(*m_document, this);
    setFocusProxy(m_view);
    connect(fit, &QToolButton::clicked, m_view, &GraphView::fitToContacts);
    connect(rearrangeButton, &QToolButton::clicked, this, &GraphPage::rearrange);
    connect(m_view, &GraphView::contactClicked, m_document, &GraphDocument::select);
    connect(m_view, &GraphView::contactActivated, this, &GraphPage::contactActivated);
    connect(m_view, &GraphView::contactDragged, this,
            [this](qint64 id, QPointF from, QPointF to) { pushMove(id, from, to); });
    connect(m_view, &GraphView::introductionDrawn, this, [this](qint64 from, qint64 to) {
        if (Status drawn = drawIntroduction(from, to); !drawn)
            emit message(drawn.error());
    });

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    m_panel = new QTextBrowser(side);
    m_panel->setObjectName(QStringLiteral("graphPathPanel"));
    m_panel->setOpenLinks(false);
    m_panel->setFrameShape(QFrame::NoFrame);
    m_panel->document()->setDocumentMargin(14);
    connect(m_panel, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == u"contact")
            showContact(url.path().toLongLong());
    });
    m_openButton = new QToolButton(side);
    m_openButton->setObjectName(QStringLiteral("graphOpenContactButton"));
    m_openButton->setText(tr("Open Contact Page"));
    m_openButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_openButton, &QToolButton::clicked, this, [this] {
        if (m_document->selectedContact() != 0)
            emit contactActivated(m_document->selectedContact());
    });
    sideLayout->addWidget(m_panel, 1);
    sideLayout->addWidget(m_openButton, 0, Qt::AlignLeft);
    sideLayout->addSpacing(8);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("graphSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({900, 320});

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("graphStatusLabel"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setContentsMargins(10, 2, 10, 4);
    m_status->setStyleSheet(QStringLiteral("color: palette(mid)"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
}

void GraphPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void GraphPage::invalidate()
{
    m_stale = true;
    if (isVisible())
        reload();
}

void GraphPage::reload()
{
    m_stale = false;
    if (m_runner->isRunning()) {
        m_runner->cancel();
        savePositions();
    }
    GraphStore store(m_database);
    auto graph = store.load();
    auto positions = store.positions();
    if (!graph || !positions) {
        m_panel->setPlainText(!graph ? graph.error() : positions.error());
        return;
    }
    m_document->setGraph(std::move(graph).value(), *positions);

    const QString tag = m_tagFilter->currentData().toString();
    m_tagFilter->blockSignals(true);
    m_tagFilter->clear();
    m_tagFilter->addItem(tr("All tags"), QString());
    for (const QString &t : m_document->allTags())
        m_tagFilter->addItem(t, t);
    m_tagFilter->setCurrentIndex(std::max(0, m_tagFilter->findData(tag)));
    m_tagFilter->blockSignals(false);
    QStringList names;
    names.reserve(m_document->nodeCount());
    for (const GraphNode &node : m_document->graph().nodes())
        names << node.name;
    m_names->setStringList(names);
    applyFilters();

    bool missing = false;
    for (int i = 0; i < m_document->nodeCount() && !missing; ++i)
        missing = !m_document->hasPosition(i);
    if (missing)
        startLayout(false);
    else if (m_fitWhenSettled && m_document->nodeCount() > 0) {
        m_fitWhenSettled = false;
        m_view->fitToContacts();
    }
    updatePanel();
    updateStatus();
}

void GraphPage::applyFilters()
{
    GraphFilter filter = m_document->filter();
    const int stage = m_stageFilter->currentData().toInt();
    filter.stage = stage < 0 ? std::nullopt : std::optional<Stage>(static_cast<Stage>(stage));
    filter.tag = m_tagFilter->currentData().toString();
    const int days = m_periodFilter->currentData().toInt();
    filter.since = days > 0 ? m_database.clock().now().toLocalTime().date().addDays(-days) : QDate();
    filter.egoHops = m_egoHops->value();
    filter.egoContact = m_egoCheck->isChecked() ? m_document->selectedContact() : 0;
    if (m_egoCheck->isChecked() && filter.egoContact == 0)
        emit message(tr("Select a contact to see only the people around them."));
    m_document->setFilter(filter);
    updateStatus();
}

void GraphPage::showContact(qint64 contactId)
{
    if (contactId != 0 && m_document->graph().contains(contactId)
        && !m_document->isVisible(m_document->graph().indexOf(contactId))) {
        // Hidden by a filter: show everyone rather than refuse.
        for (QComboBox *box : {m_stageFilter, m_tagFilter, m_periodFilter}) {
            box->blockSignals(true);
            box->setCurrentIndex(0);
            box->blockSignals(false);
        }
        m_egoCheck->blockSignals(true);
        m_egoCheck->setChecked(false);
        m_egoCheck->blockSignals(false);
        applyFilters();
    }
    m_document->select(contactId);
    if (m_egoCheck->isChecked())
        applyFilters();
    if (contactId != 0)
        m_view->centreOn(contactId);
}

void GraphPage::showContactIfConnected(qint64 contactId)
{
    if (m_stale)
        reload();
    const RelationshipGraph &graph = m_document->graph();
    if (!graph.edgesFrom(contactId).isEmpty() || !graph.edgesInto(contactId).isEmpty())
        showContact(contactId);
}

qint64 GraphPage::selectedContact() const
{
    return m_document->selectedContact();
}

bool GraphPage::isLayoutRunning() const
{
    return m_runner->isRunning();
}

void GraphPage::searchContact()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty())
        return;
    qint64 found = 0;
    for (const GraphNode &node : m_document->graph().nodes()) {
        if (node.name.compare(text, Qt::CaseInsensitive) == 0) {
            found = node.id;
            break;
        }
        if (found == 0 && node.name.contains(text, Qt::CaseInsensitive))
            found = node.id;
    }
    if (found == 0) {
        emit message(tr("Nobody in the graph is called “%1”.").arg(text));
        return;
    }
    showContact(found);
}

void GraphPage::updatePanel()
{
    const qint64 id = m_document->selectedContact();
    m_openButton->setEnabled(id != 0);
    if (m_egoCheck->isChecked() && id != 0 && m_document->filter().egoContact != id)
        applyFilters();
    const RelationshipGraph &graph = m_document->graph();
    const QLocale locale;
    QString html;
    if (id == 0) {
        html = QStringLiteral("<h3>%1</h3><p>%2</p><p style=\"color:#5c646e\">%3</p>")
                   .arg(tr("How each connection led to the next").toHtmlEscaped(),
                        tr("Select a contact to see every chain of introductions that led to them, from someone "
                           "nobody introduced, with how and when each one happened.")
                            .toHtmlEscaped(),
                        tr("Drag a contact to pin it where you like. Shift-drag from one contact to another to "
                           "record that the first led you to the second. Double-click to open a contact.")
                            .toHtmlEscaped());
        if (m_document->nodeCount() > 0 && m_document->nodeCount() <= attributionSummaryLimit) {
            QList<Attribution> all = graph.attribution();
            std::stable_sort(all.begin(), all.end(), [](const Attribution &a, const Attribution &b) {
                return a.transitiveClients > b.transitiveClients;
            });
            QString rows;
            for (qsizetype i = 0; i < std::min<qsizetype>(5, all.size()) && all.at(i).transitiveClients > 0; ++i) {
                rows += QStringLiteral("<tr><td>%1</td><td align=\"right\">&nbsp;&nbsp;%2</td></tr>")
                            .arg(contactLink(*graph.node(all.at(i).contactId)),
                                 count(all.at(i).transitiveClients, tr("1 client"), tr("%1 clients")).toHtmlEscaped());
            }
            if (!rows.isEmpty())
                html += QStringLiteral("<h4>%1</h4><table>%2</table>")
                            .arg(tr("Who led you to the most clients").toHtmlEscaped(), rows);
        }
        m_panel->setHtml(html);
        return;
    }
    const GraphNode &node = *graph.node(id);
    html += QStringLiteral("<h2 style=\"margin-bottom:2px\">%1</h2><p style=\"margin-top:0\">%2 · %3</p>")
                .arg(node.name.toHtmlEscaped(), stageBadge(node.stage),
                     count(node.interactionCount, tr("1 interaction"), tr("%1 interactions")).toHtmlEscaped());
    const Attribution led = graph.attributionOf(id);
    if (led.reached > 0) {
        const QString clients = led.transitiveClients == 0 ? tr("none of them a client yet")
                                : led.transitiveClients == 1
                                    ? (led.directClients == 1 ? tr("one of them a client, directly")
                                                              : tr("one of them a client"))
                                : led.directClients > 0
                                    ? tr("%1 of them clients, %2 directly").arg(led.transitiveClients).arg(led.directClients)
                                    : tr("%1 of them clients").arg(led.transitiveClients);
        html += QStringLiteral("<p>%1</p>")
                    .arg(count(led.reached, tr("Led you to 1 person, %1.").arg(clients),
                               tr("Led you to %1 people, %2.").arg(QStringLiteral("%1"), clients))
                             .toHtmlEscaped());
    }
    const ChainList &chains = m_document->selectedChains();
    html += QStringLiteral("<h4>%1</h4>").arg(tr("How you came to know them").toHtmlEscaped());
    if (chains.chains.size() == 1 && chains.chains.constFirst().size() == 1) {
        html += QStringLiteral("<p>%1</p>").arg(tr("A first contact: nobody introduced them.").toHtmlEscaped());
    }
    int shown = 0;
    for (const QList<qint64> &chain : chains.chains) {
        if (chain.size() < 2)
            continue;
        if (++shown > maxChainsShown)
            break;
        QStringList names;
        for (qint64 step : chain)
            names << graph.node(step)->name.toHtmlEscaped();
        html += QStringLiteral("<p style=\"margin-bottom:2px;color:#5c646e\">%1</p><table cellspacing=\"0\">")
                    .arg(names.join(QStringLiteral(" → ")));
        for (qsizetype k = 0; k < chain.size(); ++k) {
            const GraphNode &step = *graph.node(chain.at(k));
            html += QStringLiteral("<tr><td>%1&nbsp;%2</td></tr>")
                        .arg(QStringLiteral("<span style=\"color:%1\">●</span>").arg(stageColor(step.stage).name()),
                             contactLink(step) + (step.stage == Stage::Client
                                                      ? QStringLiteral(" <small>(%1)</small>")
                                                            .arg(stageDisplayName(Stage::Client).toHtmlEscaped())
                                                      : QString()));
            if (k + 1 < chain.size()) {
                const GraphEdge *edge = graph.edgeBetween(chain.at(k), chain.at(k + 1));
                html += QStringLiteral("<tr><td style=\"color:#5c646e;padding-left:4px\">↓ <i>%1</i> · %2</td></tr>")
                            .arg(introductionKindDisplayName(edge->kind).toLower().toHtmlEscaped(),
                                 edge->date.isValid() ? locale.toString(edge->date, QLocale::ShortFormat).toHtmlEscaped()
                                                      : tr("no date").toHtmlEscaped());
            }
        }
        html += QStringLiteral("</table>");
    }
    if (shown > maxChainsShown || chains.truncated) {
        html += QStringLiteral("<p style=\"color:#5c646e\">%1</p>")
                    .arg(tr("…and more chains than can be listed here.").toHtmlEscaped());
    }
    m_panel->setHtml(html);
}

void GraphPage::updateStatus()
{
    const QLocale locale;
    QString text = tr("%1 of %2 contacts shown · %3 introductions")
                       .arg(locale.toString(m_document->visibleNodeCount()), locale.toString(m_document->nodeCount()),
                            locale.toString(m_document->edgeCount()));
    if (m_runner->isRunning())
        text += tr(" · arranging…");
    m_status->setText(text);
}

void GraphPage::startLayout(bool restart)
{
    m_runner->start(LayoutRunner::makeLayout(*m_document, restart));
    updateStatus();
}

void GraphPage::rearrange()
{
    m_fitWhenSettled = true;
    startLayout(true);
}

void GraphPage::savePositions()
{
    if (Status saved = GraphStore(m_database).savePositions(m_document->savedPositions()); !saved)
        emit message(saved.error());
}

Status GraphPage::drawIntroduction(qint64 fromContact, qint64 toContact)
{
    const RelationshipGraph &graph = m_document->graph();
    if (!graph.contains(fromContact) || !graph.contains(toContact))
        return Status::failure(tr("Both ends of an introduction must be contacts in the graph."));
    Introduction introduction;
    introduction.fromContact = fromContact;
    introduction.toContact = toContact;
    introduction.kind = IntroductionKind::Introduced;
    introduction.date = m_database.clock().now().toLocalTime().date();
    const QString fromName = graph.node(fromContact)->name;
    const QString toName = graph.node(toContact)->name;
    auto stored = storeIntroduction(introduction);
    if (!stored)
        return stored.status();
    introduction.id = *stored;
    auto *command = new AddIntroductionCommand(this, introduction, fromName, toName);
    if (m_undoStack)
        m_undoStack->push(command);
    else
        delete command;
    emit message(tr("Recorded that %1 introduced you to %2.").arg(fromName, toName));
    return Status::success();
}

Result<qint64> GraphPage::storeIntroduction(const Introduction &introduction)
{
    auto id = IntroductionStore(m_database).add(introduction);
    if (id)
        reload();
    return id;
}

Status GraphPage::removeIntroduction(qint64 introductionId)
{
    Status removed = IntroductionStore(m_database).remove(introductionId);
    if (removed)
        reload();
    else
        emit message(removed.error());
    return removed;
}

void GraphPage::moveContact(qint64 contactId, QPointF to)
{
    const int node = m_document->graph().indexOf(contactId);
    if (node >= 0)
        pushMove(contactId, m_document->position(node), to);
}

void GraphPage::pushMove(qint64 contactId, QPointF from, QPointF to)
{
    const int node = m_document->graph().indexOf(contactId);
    if (node < 0)
        return;
    auto *command = new MoveContactCommand(this, contactId, m_document->node(node).name,
                                           {from, m_document->isPinned(node)}, {to, true});
    if (m_undoStack) {
        m_undoStack->push(command); // runs redo(), which pins and saves
    } else {
        command->redo();
        delete command;
    }
}

void GraphPage::placeContact(qint64 contactId, QPointF position, bool pinned)
{
    const int node = m_document->graph().indexOf(contactId);
    if (node < 0)
        return;
    m_document->setPosition(node, position, pinned);
    if (Status saved = GraphStore(m_database).savePositions({{contactId, position.x(), position.y(), pinned}}); !saved)
        emit message(saved.error());
}

Status GraphPage::exportPng(const QString &path) const
{
    return GraphRenderer(*m_document).savePng(path);
}

Status GraphPage::exportSvg(const QString &path) const
{
    return GraphRenderer(*m_document).saveSvg(path);
}

void GraphPage::chooseExport(bool svg)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString suggested = QDir(dir).filePath(svg ? tr("relationship-graph.svg") : tr("relationship-graph.png"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the Graph"), suggested,
                                                      svg ? tr("SVG drawings (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    const Status exported = svg ? exportSvg(path) : exportPng(path);
    if (!exported)
        showPlainWarning(this, tr("Export the Graph"), exported.error());
    else
        emit message(tr("Saved the graph to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace Rapport::Ui
