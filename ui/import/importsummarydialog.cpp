#include "importsummarydialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Rapport::Ui {

ImportSummaryDialog::ImportSummaryDialog(const Core::ImportResult &result, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Import Finished"));
    setObjectName(QStringLiteral("importSummaryDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("importSummaryText"));
    summary->setTextFormat(Qt::PlainText);
    summary->setWordWrap(true);
    QStringList lines;
    lines << tr("%n new contact(s)", nullptr, result.created) << tr("%n merged into people you already had", nullptr, result.merged)
          << tr("%n already known, nothing new", nullptr, result.unchanged);
    if (result.skipped > 0)
        lines << tr("%n card(s) skipped (see below)", nullptr, result.skipped);
    summary->setText(lines.join(QLatin1Char('\n')));
    QFont font = summary->font();
    font.setPointSizeF(font.pointSizeF() * 1.1);
    summary->setFont(font);
    layout->addWidget(summary);

    QStringList details;
    for (const QString &error : result.fileErrors)
        details << error;
    for (const Core::VCardProblem &problem : result.problems)
        details << problem.toString();
    if (!details.isEmpty()) {
        auto *heading = new QLabel(tr("Problems, with the file and line they are on:"), this);
        layout->addWidget(heading);
        auto *list = new QPlainTextEdit(this);
        list->setObjectName(QStringLiteral("importProblems"));
        list->setReadOnly(true);
        list->setLineWrapMode(QPlainTextEdit::NoWrap);
        list->setPlainText(details.join(QLatin1Char('\n')));
        list->setMinimumSize(560, 160);
        layout->addWidget(list);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    if (result.created + result.merged > 0) {
        QPushButton *undo = buttons->addButton(tr("Undo This Import"), QDialogButtonBox::DestructiveRole);
        undo->setObjectName(QStringLiteral("undoImportButton"));
        connect(undo, &QPushButton::clicked, this, [this, batch = result.batchId] {
            emit undoRequested(batch);
            accept();
        });
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Close), &QPushButton::clicked, this, &QDialog::accept);
    layout->addWidget(buttons);
}

} // namespace Rapport::Ui
