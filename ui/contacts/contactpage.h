#pragma once

#include <QWidget>

class QScrollArea;
class QVBoxLayout;

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

/// Everything about one contact: who they are, the stage ladder with dates,
/// ways to reach them, who introduced them and whom they led to, open
/// follow-ups, the timeline and notes. Text from the user is shown as plain text.
class ContactPage : public QWidget
{
    Q_OBJECT

public:
    explicit ContactPage(Core::Database &database, QWidget *parent = nullptr);

    void showContact(qint64 contactId);
    void clear();
    qint64 contactId() const { return m_contactId; }

signals:
    /// The user followed a link to another contact.
    void contactActivated(qint64 contactId);
    /// The user asked to add a follow-up with the shown contact.
    void addFollowUpRequested(qint64 contactId);
    /// The user asked to print the shown contact's relationship summary.
    void printSummaryRequested(qint64 contactId);

private:
    void showMessage(const QString &message);

    Core::Database &m_database;
    QScrollArea *m_scroll = nullptr;
    qint64 m_contactId = 0;
};

} // namespace Rapport::Ui
