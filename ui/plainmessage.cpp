#include "plainmessage.h"

#include <QMessageBox>
#include <QPushButton>

namespace Rapport::Ui {

void showPlainWarning(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box.setObjectName(QStringLiteral("plainWarning"));
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

bool askPlainQuestion(QWidget *parent, const QString &title, const QString &text, const QString &acceptText)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("plainQuestion"));
    box.setTextFormat(Qt::PlainText);
    QPushButton *accept = box.addButton(acceptText, QMessageBox::DestructiveRole);
    accept->setObjectName(QStringLiteral("acceptButton"));
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == accept;
}

QString shownText(const QString &text, ShownLength length)
{
    qsizetype limit = qsizetype(length);
    if (text.size() <= limit)
        return text;
    if (text.at(limit - 1).isHighSurrogate())
        --limit;
    return text.left(limit) + QChar(0x2026);
}

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return text;
    return QStringLiteral("<p style=\"white-space:pre-wrap\">%1</p>")
        .arg(shownText(text, ShownLength::Paragraphs).toHtmlEscaped());
}

QString literalMnemonicText(QString text)
{
    text = shownText(text, ShownLength::Button);
    return text.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

} // namespace Rapport::Ui
