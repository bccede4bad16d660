#include "addintroductioncommand.h"

#include "graphpage.h"

namespace Rapport::Ui {

using namespace Rapport::Core;

AddIntroductionCommand::AddIntroductionCommand(GraphPage *page, const Introduction &introduction,
                                               const QString &fromName, const QString &toName)
    : m_page(page)
    , m_introduction(introduction)
{
    setText(tr("Introduction from %1 to %2").arg(fromName, toName));
}

void AddIntroductionCommand::redo()
{
    if (m_stored || !m_page)
        return;
    auto id = m_page->storeIntroduction(m_introduction);
    if (id) {
        m_introduction.id = *id;
        m_stored = true;
    } else {
        setObsolete(true);
    }
}

void AddIntroductionCommand::undo()
{
    if (!m_stored || !m_page)
        return;
    if (m_page->removeIntroduction(m_introduction.id))
        m_stored = false;
    else
        setObsolete(true);
}

} // namespace Rapport::Ui
