#pragma once

#include "domain/stagechange.h"

#include <QDate>
#include <QList>
#include <QWidget>

namespace Rapport::Ui {

/// The engagement ladder tweet → email → call → meeting → client drawn as steps,
/// the reached ones filled, each with the date it was reached.
class StageLadderWidget : public QWidget
{
    Q_OBJECT

public:
    explicit StageLadderWidget(QWidget *parent = nullptr);

    void setStage(Core::Stage current, bool manual, const QList<Core::StageChange> &history);
    /// The date shown under a step; invalid when it was not reached.
    QDate reachedOn(Core::Stage stage) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Core::Stage m_current = Core::Stage::None;
    bool m_manual = false;
    QList<QDate> m_reached;
};

} // namespace Rapport::Ui
