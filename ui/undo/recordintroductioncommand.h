#pragma once

#include "datacommand.h"
#include "domain/introduction.h"

#include <QCoreApplication>

namespace Rapport::Ui {

/// Record "A led me to B"; undo removes the edge.
class RecordIntroductionCommand : public DataCommand
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::RecordIntroductionCommand)

public:
    RecordIntroductionCommand(CommandContext &context, Core::Introduction introduction, const QString &fromName,
                              const QString &toName);

protected:
    Core::Status apply() override;
    Core::Status revert() override;
    qint64 contactAfterApply() const override { return m_introduction.toContact; }
    qint64 contactAfterRevert() const override { return m_introduction.toContact; }

private:
    Core::Introduction m_introduction;
};

} // namespace Rapport::Ui
