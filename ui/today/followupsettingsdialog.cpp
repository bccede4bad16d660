#include "followupsettingsdialog.h"

#include "reminders/remindersettingsstore.h"
#include "store/database.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace Rapport::Ui {

using namespace Rapport::Core;

FollowUpSettingsDialog::FollowUpSettingsDialog(Database &database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("followUpSettingsDialog"));
    setWindowTitle(tr("Keep-in-Touch Cadences"));
    const ReminderSettings settings = ReminderSettingsStore(database).load().valueOr(ReminderSettings());
    auto *form = new QFormLayout(this);
    auto *intro = new QLabel(tr("How long after the last contact someone at each stage is going cold. A contact's own "
                                "cadence wins over these; 0 means never."),
                             this);
    intro->setWordWrap(true);
    form->addRow(intro);
    for (Stage stage : stageLadder()) {
        auto *days = new QSpinBox(this);
        days->setObjectName(QStringLiteral("cadence_%1").arg(stageKey(stage)));
        days->setRange(0, 3660);
        days->setSuffix(tr(" days"));
        days->setSpecialValueText(tr("never"));
        days->setValue(settings.cadenceFor(stage));
        form->addRow(stageDisplayName(stage) + QLatin1Char(':'), days);
        m_days << days;
    }
    m_thank = new QCheckBox(tr("When someone reaches a meeting or becomes a client, remind me to thank whoever "
                               "introduced us"),
                            this);
    m_thank->setObjectName(QStringLiteral("thankIntroducer"));
    m_thank->setChecked(settings.thankIntroducer);
    form->addRow(m_thank);
    m_problem = new QLabel(this);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->hide();
    form->addRow(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

bool FollowUpSettingsDialog::save()
{
    ReminderSettings settings;
    const QList<Stage> ladder = stageLadder();
    for (int i = 0; i < ladder.size(); ++i)
        settings.setCadenceFor(ladder.at(i), m_days.at(i)->value());
    settings.thankIntroducer = m_thank->isChecked();
    const Status saved = ReminderSettingsStore(m_database).save(settings);
    m_problem->setText(saved.error());
    m_problem->setVisible(!saved.ok());
    return saved.ok();
}

} // namespace Rapport::Ui
