#pragma once

#include "domain/interaction.h"
#include "reminders/agenda.h"

#include <QWidget>

class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

/// What to do today: overdue follow-ups, those due today and in the coming
/// week, and contacts going cold (past their keep-in-touch cadence). Each has
/// one-click Log, Snooze and Done.
class TodayView : public QWidget
{
    Q_OBJECT

public:
    /// Load::WhenShown leaves reading the follow-ups until the view is shown.
    enum class Load { Now, WhenShown };
    /// How many follow-ups a section lists at first, and how many more each "Show more" adds.
    static constexpr int firstShown = 20;
    static constexpr int moreShown = 100;

    explicit TodayView(Core::Database &database, QWidget *parent = nullptr, Load load = Load::Now);

    /// Reads the follow-ups again and rebuilds the lists.
    void reload();
    /// reload() now if the view is shown, else the next time it is.
    void reloadWhenShown();
    const Core::Agenda &agenda() const { return m_agenda; }

    /// What the row buttons do, for the view and for tests.
    Core::Status snooze(qint64 reminderId, const QDateTime &until);
    Core::Status complete(qint64 reminderId);
    /// Logs an interaction with the reminder's contact; a one-off follow-up is
    /// then done, a cadence moves out by itself.
    Core::Status logFor(qint64 reminderId, const Core::Interaction &interaction);

signals:
    void openContactRequested(qint64 contactId);
    /// Something was logged, snoozed, done or added.
    void changed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void addSection(const QString &title, const QString &explanation, const QList<Core::AgendaItem> &items,
                    qint64 count, int *limit, const char *objectName);
    QWidget *row(const Core::AgendaItem &item);
    QString dueText(const Core::AgendaItem &item) const;
    void openLog(const Core::AgendaItem &item);
    void chooseSnoozeTime(qint64 reminderId);
    void addFollowUp();
    void report(const Core::Status &status);

    Core::Database &m_database;
    Core::Agenda m_agenda;
    Core::AgendaLimits m_limits{firstShown, firstShown, firstShown, firstShown};
    bool m_stale = false;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_problem = nullptr;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_sections = nullptr;
};

} // namespace Rapport::Ui
