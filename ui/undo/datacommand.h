#pragma once

#include "commandcontext.h"
#include "result.h"

#include <QUndoCommand>

class QUndoStack;

namespace Rapport::Ui {

/// An undoable change of the data file. Each user action is one command that
/// calls core; the data is committed at once, the stack only remembers how to
/// take it back.
class DataCommand : public QUndoCommand
{
public:
    /// Pushes `command` (taking it) and returns the outcome of its first run. A
    /// command whose first run failed changed nothing and is not kept.
    static Core::Status push(QUndoStack &stack, DataCommand *command);

    void redo() final;
    void undo() final;

protected:
    DataCommand(CommandContext &context, const QString &text);

    virtual Core::Status apply() = 0;
    virtual Core::Status revert() = 0;
    /// The contact to show after apply() / revert().
    virtual qint64 contactAfterApply() const = 0;
    virtual qint64 contactAfterRevert() const = 0;

    Core::Database &database() const { return *m_context.database; }

private:
    CommandContext &m_context;
    Core::Status *m_firstRun = nullptr;
};

} // namespace Rapport::Ui
