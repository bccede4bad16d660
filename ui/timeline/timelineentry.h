#pragma once

#include "domain/interaction.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace Rapport::Ui {

/// One interaction in a contact's timeline: its icon, the time, the summary
/// and who reached out. A longer body stays folded until the entry is
/// clicked (or its arrow pressed). All text is plain.
class TimelineEntry : public QFrame
{
    Q_OBJECT

public:
    explicit TimelineEntry(const Core::Interaction &interaction, QWidget *parent = nullptr);

    bool isExpanded() const { return m_expanded; }
    void setExpanded(bool expanded);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QToolButton *m_toggle = nullptr;
    QLabel *m_body = nullptr;
    bool m_expanded = false;
};

} // namespace Rapport::Ui
