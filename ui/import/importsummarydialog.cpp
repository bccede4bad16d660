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
    // Singular and plural spelled out: no translation file is needed for
    // English to read right.
    QStringList lines;
    lines << (result.created == 1 ? tr("1 new contact") : tr("%1 new contacts").arg(result.created));
    lines << (result.merged == 1 ? tr("1 card merged into someone you already had")
                                 : tr("%1 cards merged into people you already had").arg(result.merged));
    lines << (result.unchanged == 1 ? tr("1 card already known, nothing new")
                                    : tr("%1 cards already known, nothing new").arg(result.unchanged));
    if (result.skipped > 0)
        lines << (result.skipped == 1 ? tr("1 card skipped (see below)")
                                      : tr("%1 cards skipped (see below)").arg(result.skipped));
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
        list->setLineWrapMode(QPlainTextEdit::WidgetWidth);
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
