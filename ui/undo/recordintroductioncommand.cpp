#include "recordintroductioncommand.h"

#include "store/database.h"
#include "store/introductionstore.h"

namespace Rapport::Ui {

RecordIntroductionCommand::RecordIntroductionCommand(CommandContext &context, Core::Introduction introduction,
                                                     const QString &fromName, const QString &toName)
    : DataCommand(context, tr("Record Introduction of %1 by %2").arg(toName, fromName))
    , m_introduction(std::move(introduction))
{
    if (!m_introduction.date.isValid())
        m_introduction.date = database().clock().now().date();
}

Core::Status RecordIntroductionCommand::apply()
{
    auto id = Core::IntroductionStore(database()).add(m_introduction);
    if (!id)
        return id.status();
    m_introduction.id = *id;
    return Core::Status::success();
}

Core::Status RecordIntroductionCommand::revert()
{
    return Core::IntroductionStore(database()).remove(m_introduction.id);
}

} // namespace Rapport::Ui
