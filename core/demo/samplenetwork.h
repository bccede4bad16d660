#pragma once

#include "result.h"

#include <QCoreApplication>

namespace Rapport::Core {

class Database;

/// A fictional network that tells the story of the design brief: a webinar
/// host, the coach from her testimonial who became a client, the expert he
/// recommended who became a client too, the attendee becoming a partner, and a
/// dozen others at every stage, with a year of interactions and follow-ups.
class SampleNetwork
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::SampleNetwork)

public:
    /// Fills an empty data file in one transaction, with times relative to the
    /// database clock. Refuses a file that already holds contacts.
    static Status populate(Database &database);
};

} // namespace Rapport::Core
