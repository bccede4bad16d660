#include "deletecontactcommand.h"

#include "store/contactstore.h"

namespace Rapport::Ui {

DeleteContactCommand::DeleteContactCommand(CommandContext &context, qint64 contactId, const QString &name)
    : DataCommand(context, tr("Delete %1").arg(name))
    , m_id(contactId)
{
}

Core::Status DeleteContactCommand::apply()
{
    return Core::ContactStore(database()).remove(m_id, &m_removed);
}

Core::Status DeleteContactCommand::revert()
{
    return m_removed.restore(database());
}

} // namespace Rapport::Ui
