#include "loginteractioncommand.h"

#include "store/database.h"
#include "store/interactionstore.h"

namespace Rapport::Ui {

LogInteractionCommand::LogInteractionCommand(CommandContext &context, Core::Interaction interaction,
                                             const QString &contactName)
    : DataCommand(context, tr("Log %1 with %2").arg(Core::interactionKindDisplayName(interaction.kind), contactName))
    , m_interaction(std::move(interaction))
{
    // Redo must log the same moment, not the time of the redo.
    if (!m_interaction.occurredAt.isValid())
        m_interaction.occurredAt = database().clock().now();
}

Core::Status LogInteractionCommand::apply()
{
    auto id = Core::InteractionStore(database()).log(m_interaction, &m_stageSteps);
    if (!id)
        return id.status();
    m_id = *id;
    return Core::Status::success();
}

Core::Status LogInteractionCommand::revert()
{
    return Core::InteractionStore(database()).undoLog(m_id, m_stageSteps);
}

} // namespace Rapport::Ui
