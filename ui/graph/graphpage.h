#pragma once

#include "domain/introduction.h"
#include "result.h"

#include <QPointF>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStringListModel;
class QTextBrowser;
class QToolButton;
class QUndoStack;

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

class GraphDocument;
class GraphView;
class LayoutRunner;

/// The relationship graph page: every contact and introduction, filters by
/// stage, tag, period and "around this contact", a search that centres a
/// contact, and beside the graph the chains of introductions that led to the
/// selected contact, with each introduction's kind and date. Dragging pins a
/// contact where it is dropped; Shift- or Ctrl-dragging from one contact to
/// another records an introduction. Both are undoable on the given stack.
class GraphPage : public QWidget
{
    Q_OBJECT

public:
    GraphPage(Core::Database &database, QUndoStack *undoStack, QWidget *parent = nullptr);
    ~GraphPage() override;

    GraphDocument *document() const { return m_document; }
    GraphView *view() const { return m_view; }

    /// Reads the graph from the data file again, keeping the selection and the layout.
    void reload();
    /// The data file changed: reloads now if the page is shown, else when it is.
    void invalidate();

    /// Selects a contact (0 clears), shows its chains and centres it.
    void showContact(qint64 contactId);
    qint64 selectedContact() const;
    /// Selects a contact only when an introduction involves them (so that
    /// opening the graph from a lone contact does not dim everything).
    void showContactIfConnected(qint64 contactId);
    /// Whether contacts are still being arranged.
    bool isLayoutRunning() const;

    /// Records an introduction as an undoable edit; the message says why not.
    Core::Status drawIntroduction(qint64 fromContact, qint64 toContact);
    /// Moves a contact and pins it there, as an undoable edit.
    void moveContact(qint64 contactId, QPointF to);
    /// Arranges every unpinned contact afresh.
    void rearrange();

    Core::Status exportPng(const QString &path) const;
    Core::Status exportSvg(const QString &path) const;

    // For the undo commands: the edits themselves.
    Core::Result<qint64> storeIntroduction(const Core::Introduction &introduction);
    Core::Status removeIntroduction(qint64 introductionId);
    void placeContact(qint64 contactId, QPointF position, bool pinned);

signals:
    /// The user asked to open a contact's page.
    void contactActivated(qint64 contactId);
    /// A layout run finished and its positions were saved.
    void layoutFinished();
    /// Something for the status bar.
    void message(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void createWidgets();
    void applyFilters();
    void updatePanel();
    void updateStatus();
    void startLayout(bool restart);
    void savePositions();
    void pushMove(qint64 contactId, QPointF from, QPointF to);
    void searchContact();
    void chooseExport(bool svg);

    Core::Database &m_database;
    QUndoStack *m_undoStack = nullptr;
    GraphDocument *m_document = nullptr;
    GraphView *m_view = nullptr;
    LayoutRunner *m_runner = nullptr;
    QLineEdit *m_search = nullptr;
    QStringListModel *m_names = nullptr;
    QComboBox *m_stageFilter = nullptr;
    QComboBox *m_tagFilter = nullptr;
    QComboBox *m_periodFilter = nullptr;
    QCheckBox *m_egoCheck = nullptr;
    QSpinBox *m_egoHops = nullptr;
    QToolButton *m_openButton = nullptr;
    QTextBrowser *m_panel = nullptr;
    QLabel *m_status = nullptr;
    bool m_stale = true;
    bool m_fitWhenSettled = true;
};

} // namespace Rapport::Ui
