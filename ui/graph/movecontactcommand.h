#pragma once

#include <QCoreApplication>
#include <QPointF>
#include <QPointer>
#include <QUndoCommand>

namespace Rapport::Ui {

class GraphPage;

/// Moves a contact on the graph and pins it there (or restores where it was).
class MoveContactCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::MoveContactCommand)

public:
    struct Place
    {
        QPointF position;
        bool pinned = false;
    };

    MoveContactCommand(GraphPage *page, qint64 contactId, const QString &name, Place before, Place after);
    void undo() override;
    void redo() override;

private:
    QPointer<GraphPage> m_page;
    qint64 m_contactId;
    Place m_before;
    Place m_after;
};

} // namespace Rapport::Ui
