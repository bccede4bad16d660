#pragma once

#include "datacommand.h"
#include "store/contactsnapshot.h"

#include <QCoreApplication>

namespace Rapport::Ui {

/// Delete a contact; undo restores everything that went with it: details,
/// tags, the interactions they took part in, introductions, follow-ups and the
/// stage history.
class DeleteContactCommand : public DataCommand
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::DeleteContactCommand)

public:
    DeleteContactCommand(CommandContext &context, qint64 contactId, const QString &name);

protected:
    Core::Status apply() override;
    Core::Status revert() override;
    qint64 contactAfterApply() const override { return 0; }
    qint64 contactAfterRevert() const override { return m_id; }

private:
    qint64 m_id = 0;
    Core::ContactSnapshot m_removed;
};

} // namespace Rapport::Ui
