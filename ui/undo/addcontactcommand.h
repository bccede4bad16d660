#pragma once

#include "datacommand.h"
#include "domain/contact.h"
#include "store/contactsnapshot.h"

#include <QCoreApplication>

namespace Rapport::Ui {

/// Add a contact; undo deletes it, redo brings back the very same contact (same id).
class AddContactCommand : public DataCommand
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::AddContactCommand)

public:
    AddContactCommand(CommandContext &context, Core::Contact contact);

    qint64 contactId() const { return m_id; }

protected:
    Core::Status apply() override;
    Core::Status revert() override;
    qint64 contactAfterApply() const override { return m_id; }
    qint64 contactAfterRevert() const override { return 0; }

private:
    Core::Contact m_contact;
    qint64 m_id = 0;
    Core::ContactSnapshot m_removed;
};

} // namespace Rapport::Ui
