#include "insightsfilter.h"

#include "store/contactstore.h"
#include "store/database.h"

#include <QSqlQuery>

namespace Rapport::Core {

std::optional<qint64> InsightsFilter::startMs() const
{
    if (!from.isValid())
        return std::nullopt;
    return from.startOfDay().toMSecsSinceEpoch();
}

qint64 InsightsFilter::endMs(const QDateTime &now) const
{
    if (!to.isValid())
        return now.toMSecsSinceEpoch();
    return to.addDays(1).startOfDay().toMSecsSinceEpoch();
}

QString InsightsFilter::cohortCondition(QVariantList &values) const
{
    switch (cohort) {
    case Cohort::Everyone:
        break;
    case Cohort::Channel:
        values << value;
        return QStringLiteral("c.met_channel = ?");
    case Cohort::Tag:
        values << value;
        return QStringLiteral("EXISTS (SELECT 1 FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                              "WHERE ct.contact_id = c.id AND t.name = ?)");
    case Cohort::Introducer:
        values << introducerId;
        return QStringLiteral("EXISTS (SELECT 1 FROM introductions n WHERE n.to_contact = c.id AND n.from_contact = ?)");
    }
    return QStringLiteral("1");
}

InsightsChoices::InsightsChoices(Database &database)
    : m_database(database)
{
}

Result<QStringList> InsightsChoices::channels()
{
    auto q = m_database.exec(QStringLiteral("SELECT met_channel FROM contacts WHERE archived = 0 AND met_channel <> '' "
                                            "GROUP BY met_channel ORDER BY COUNT(*) DESC, met_channel"));
    if (!q)
        return Result<QStringList>::failure(tr("The channels could not be read: %1").arg(q.error()));
    QStringList channels;
    while ((*q)->next())
        channels << (*q)->value(0).toString();
    return channels;
}

Result<QStringList> InsightsChoices::tags()
{
    return ContactStore(m_database).tagsInUse();
}

Result<QList<IntroducerChoice>> InsightsChoices::introducers()
{
    auto q = m_database.exec(QStringLiteral("SELECT c.id, c.display_name, COUNT(*) FROM introductions n "
                                            "JOIN contacts c ON c.id = n.from_contact WHERE c.archived = 0 "
                                            "GROUP BY c.id ORDER BY COUNT(*) DESC, c.display_name COLLATE NOCASE"));
    if (!q)
        return Result<QList<IntroducerChoice>>::failure(tr("The introducers could not be read: %1").arg(q.error()));
    QList<IntroducerChoice> introducers;
    while ((*q)->next()) {
        introducers.append(IntroducerChoice{(*q)->value(0).toLongLong(), (*q)->value(1).toString(),
                                            (*q)->value(2).toInt()});
    }
    return introducers;
}

} // namespace Rapport::Core
