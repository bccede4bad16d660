#include "datacommand.h"

#include <QUndoStack>

namespace Rapport::Ui {

DataCommand::DataCommand(CommandContext &context, const QString &text)
    : m_context(context)
{
    setText(text);
}

Core::Status DataCommand::push(QUndoStack &stack, DataCommand *command)
{
    Core::Status outcome = Core::Status::success();
    command->m_firstRun = &outcome;
    stack.push(command); // runs redo(); an obsolete command is deleted, not kept
    return outcome;
}

void DataCommand::redo()
{
    const Core::Status applied = apply();
    if (m_firstRun) {
        *m_firstRun = applied;
        m_firstRun = nullptr;
        if (!applied) {
            setObsolete(true);
            return;
        }
    } else if (!applied) {
        m_context.failed(applied.error());
        return;
    }
    m_context.changed(contactAfterApply());
}

void DataCommand::undo()
{
    const Core::Status reverted = revert();
    if (!reverted) {
        m_context.failed(reverted.error());
        return;
    }
    m_context.changed(contactAfterRevert());
}

} // namespace Rapport::Ui
