#pragma once

#include <QDate>
#include <QWidget>

class QPushButton;
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
    void printSummaryRequested();
    /// The page's buttons: the window runs the same actions as its menus.
    void logRequested();
    void introductionRequested();
    void editRequested();
    void deleteRequested();

public:
    static constexpr int timelinePageSize = 50;

private:
    void showMessage(const QString &message);
    void appendTimeline(int limit);

    Core::Database &m_database;
    QScrollArea *m_scroll = nullptr;
    qint64 m_contactId = 0;
    QVBoxLayout *m_timeline = nullptr;
    QPushButton *m_olderButton = nullptr;
    int m_timelineShown = 0;
    qint64 m_timelineTotal = 0;
    QDate m_timelineDay;
};

} // namespace Rapport::Ui
