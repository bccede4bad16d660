#include "addcontactcommand.h"

#include "store/contactstore.h"

namespace Rapport::Ui {

AddContactCommand::AddContactCommand(CommandContext &context, Core::Contact contact)
    : DataCommand(context, tr("Add %1").arg(contact.name()))
    , m_contact(std::move(contact))
{
}

Core::Status AddContactCommand::apply()
{
    if (m_id > 0)
        return m_removed.restore(database());
    auto id = Core::ContactStore(database()).add(m_contact);
    if (!id)
        return id.status();
    m_id = *id;
    return Core::Status::success();
}

Core::Status AddContactCommand::revert()
{
    return Core::ContactStore(database()).remove(m_id, &m_removed);
}

} // namespace Rapport::Ui
