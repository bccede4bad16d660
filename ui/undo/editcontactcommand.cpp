#include "editcontactcommand.h"

#include "store/contactstore.h"

namespace Rapport::Ui {

EditContactCommand::EditContactCommand(CommandContext &context, Core::Contact before, Core::Contact after)
    : DataCommand(context, tr("Edit %1").arg(before.name()))
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    m_after.id = m_before.id;
}

Core::Status EditContactCommand::apply()
{
    return Core::ContactStore(database()).update(m_after);
}

Core::Status EditContactCommand::revert()
{
    return Core::ContactStore(database()).update(m_before);
}

} // namespace Rapport::Ui
