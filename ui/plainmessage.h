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

/// How much of a user's text a label, a cell or a button lays out: a
/// megabyte pasted into a note must not freeze the window for a minute.
enum class ShownLength : qsizetype { Line = 500, Button = 200, Paragraphs = 10000 };

/// At most `length` characters of `text`, ending in "…" when it was cut (never
/// inside a surrogate pair). The whole text stays in the data file, the edit
/// dialog and the printed summary.
QString shownText(const QString &text, ShownLength length);

/// A tooltip that shows `text` literally (tooltips render rich text when they look like it).
QString plainToolTip(const QString &text);

} // namespace Rapport::Ui
