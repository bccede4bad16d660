#include "movecontactcommand.h"

#include "graphpage.h"

namespace Rapport::Ui {

MoveContactCommand::MoveContactCommand(GraphPage *page, qint64 contactId, const QString &name, Place before,
                                       Place after)
    : m_page(page)
    , m_contactId(contactId)
    , m_before(before)
    , m_after(after)
{
    setText(tr("Move %1 on the graph").arg(name));
}

void MoveContactCommand::redo()
{
    if (m_page)
        m_page->placeContact(m_contactId, m_after.position, m_after.pinned);
}

void MoveContactCommand::undo()
{
    if (m_page)
        m_page->placeContact(m_contactId, m_before.position, m_before.pinned);
}

} // namespace Rapport::Ui
