#pragma once

#include "datacommand.h"
#include "domain/contact.h"

#include <QCoreApplication>

namespace Rapport::Ui {

/// Change a contact's details; undo puts the previous details back.
class EditContactCommand : public DataCommand
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::EditContactCommand)

public:
    EditContactCommand(CommandContext &context, Core::Contact before, Core::Contact after);

protected:
    Core::Status apply() override;
    Core::Status revert() override;
    qint64 contactAfterApply() const override { return m_after.id; }
    qint64 contactAfterRevert() const override { return m_before.id; }

private:
    Core::Contact m_before;
    Core::Contact m_after;
};

} // namespace Rapport::Ui
