#pragma once

#include "vcard/vcardimporter.h"

#include <QDialog>

#include <memory>

class QButtonGroup;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace Rapport::Ui {

class ImportPlanModel;

/// What an import would do, card by card, before anything is written: each
/// card as new, merge (with the contact it matches and why), already known or
/// skip, every problem with its file and line. The user changes the choice of
/// a card or of a selection, then imports (accept) or cancels (reject).
class ImportPreviewDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportPreviewDialog(std::shared_ptr<Core::ImportPlan> plan, QWidget *parent = nullptr);

    /// The plan with the user's choices.
    std::shared_ptr<Core::ImportPlan> plan() const;
    ImportPlanModel *model() const { return m_model; }

private:
    void updateSummary();
    void chooseForSelection(int action);
    QList<int> selectedRows() const;
    void showProblem(int problem);

    ImportPlanModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QButtonGroup *m_filters = nullptr;
    QListWidget *m_problems = nullptr;
    QPushButton *m_import = nullptr;
    QList<QPushButton *> m_choiceButtons;
};

} // namespace Rapport::Ui
