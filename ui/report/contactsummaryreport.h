#pragma once

#include "report/contactsummary.h"
#include "reportdocument.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Rapport::Ui {

/// The printed summary of one relationship: who they are, how the user came to
/// know them, the ladder with dates and days between rungs, the chains that led
/// to them and whom they led to, follow-ups, the timeline and notes.
class ContactSummaryReport
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::ContactSummaryReport)

public:
    static ReportDocument build(const Core::ContactSummary &summary, const QDateTime &printedAt);
    /// Paints the ladder (rungs, dates, days between) across `rect`; shared with
    /// the network summary's funnel legend.
    static void paintLadder(QPainter &painter, const QRectF &rect, const QList<Core::LadderRung> &ladder);
};

} // namespace Rapport::Ui
