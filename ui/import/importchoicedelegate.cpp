#include "importchoicedelegate.h"

#include "importplanmodel.h"

#include <QComboBox>

namespace Rapport::Ui {

using Core::ImportAction;

QWidget *ImportChoiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                            const QModelIndex &index) const
{
    const auto *model = qobject_cast<const ImportPlanModel *>(index.model());
    if (!model)
        return nullptr;
    const qsizetype card = index.data(ImportPlanModel::CardRole).toLongLong();
    const Core::PlannedCard &planned = model->plan().cards.at(card);
    auto *editor = new QComboBox(parent);
    editor->setObjectName(QStringLiteral("importChoiceEditor"));
    if (planned.isMatched()) {
        // Merging a card that holds nothing new is "already known": one entry either way.
        const ImportAction into = planned.proposed == ImportAction::New ? ImportAction::Merge : planned.proposed;
        editor->addItem(into == ImportAction::Merge ? tr("Merge into %1").arg(planned.matchName)
                                                    : tr("Already known as %1").arg(planned.matchName),
                        int(into));
    }
    editor->addItem(ImportPlanModel::actionText(ImportAction::New), int(ImportAction::New));
    editor->addItem(ImportPlanModel::actionText(ImportAction::Skip), int(ImportAction::Skip));
    // A choice made is a choice done: no need to leave the cell.
    connect(editor, &QComboBox::activated, this, [this, editor] {
        auto *self = const_cast<ImportChoiceDelegate *>(this);
        emit self->commitData(editor);
        emit self->closeEditor(editor);
    });
    return editor;
}

void ImportChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const int found = combo->findData(index.data(ImportPlanModel::ChoiceRole).toInt());
    combo->setCurrentIndex(std::max(found, 0));
}

void ImportChoiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace Rapport::Ui
