#pragma once

#include <QStyledItemDelegate>

namespace Rapport::Ui {

/// Edits a card's choice in the import preview with a list of what that card
/// can be (merge only for a card that matches someone).
class ImportChoiceDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace Rapport::Ui
