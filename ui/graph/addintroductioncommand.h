#pragma once

#include "domain/introduction.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUndoCommand>

namespace Rapport::Ui {

class GraphPage;

/// Records an introduction drawn on the graph; undo deletes it again.
class AddIntroductionCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::AddIntroductionCommand)

public:
    /// `introduction.id` is the edge already stored by the first "redo".
    AddIntroductionCommand(GraphPage *page, const Core::Introduction &introduction, const QString &fromName,
                           const QString &toName);
    void undo() override;
    void redo() override;

private:
    QPointer<GraphPage> m_page;
    Core::Introduction m_introduction;
    bool m_stored = true;
};

} // namespace Rapport::Ui
