#pragma once

#include "datacommand.h"
#include "domain/interaction.h"

#include <QCoreApplication>
#include <QList>

namespace Rapport::Ui {

/// Log an interaction; undo removes it and the stage steps it caused.
class LogInteractionCommand : public DataCommand
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::LogInteractionCommand)

public:
    LogInteractionCommand(CommandContext &context, Core::Interaction interaction, const QString &contactName);

protected:
    Core::Status apply() override;
    Core::Status revert() override;
    qint64 contactAfterApply() const override { return m_interaction.participants.value(0); }
    qint64 contactAfterRevert() const override { return m_interaction.participants.value(0); }

private:
    Core::Interaction m_interaction;
    qint64 m_id = 0;
    QList<qint64> m_stageSteps;
};

} // namespace Rapport::Ui
