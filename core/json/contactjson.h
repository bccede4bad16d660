#pragma once

#include "domain/contact.h"

#include <QJsonObject>

namespace Rapport::Core {

/// The JSON form of a contact that `rapport-cli contacts --json` prints and
/// scripts rely on: id, name, emails, phones, organization, title, stage
/// (none|tweet|email|call|meeting|client), tags, note, has_photo,
/// introduced_by (contact ids), last_interaction (ISO 8601 UTC or null), and more.
QJsonObject contactToJson(const Contact &contact);

} // namespace Rapport::Core

namespace Rapport::Core {

/// The inverse of contactToJson for the details a user owns (used for the
/// snapshots that let an import be undone). Stage and introductions are not read.
Contact contactFromJson(const QJsonObject &object);

/// contactToJson plus everything needed to restore the contact exactly
/// (labels, photo, kept vCard properties), under "detail".
QJsonObject contactSnapshot(const Contact &contact);

} // namespace Rapport::Core
