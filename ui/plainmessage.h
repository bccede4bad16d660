#pragma once

#include <QString>

class QWidget;

namespace Rapport::Ui {

/// A warning whose text is shown as plain text: messages from core often
/// quote names or file content, which QMessageBox would otherwise read as markup.
void showPlainWarning(QWidget *parent, const QString &title, const QString &text);

/// Asks a yes/no question shown as plain text; true when the user chose `acceptText`.
bool askPlainQuestion(QWidget *parent, const QString &title, const QString &text, const QString &acceptText);

/// '&' marks a shortcut in action and button texts: double it so that names show literally.
QString literalMnemonicText(QString text);

/// A tooltip that shows `text` literally (tooltips render rich text when they look like it).
QString plainToolTip(const QString &text);

} // namespace Rapport::Ui
