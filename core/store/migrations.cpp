#include "migrations.h"

namespace Rapport::Core {

namespace {

/// A trigger that notes the contacts `ids` in the search index's list of
/// contacts to bring up to date, AFTER `event` ("INSERT ON contacts").
QString searchTrigger(const char *name, const char *event, const char *ids)
{
    return QStringLiteral("CREATE TRIGGER %1 AFTER %2 BEGIN INSERT OR IGNORE INTO contact_search_stale "
                          "(contact_id) %3; END")
        .arg(QLatin1StringView(name), QLatin1StringView(event), QLatin1StringView(ids));
}

// Times are milliseconds since the epoch in UTC; dates are ISO 8601 text.
// Stages are stored as integers so that the ladder orders with < and MAX().
QList<Migration> buildMigrations()
{
    QList<Migration> migrations;

    migrations.append(Migration{
        1,
        QStringLiteral("contacts, interactions, stage history, introductions, reminders"),
        {
            QStringLiteral(R"(CREATE TABLE contacts (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL DEFAULT '',
                display_name TEXT NOT NULL DEFAULT '',
                given_name TEXT NOT NULL DEFAULT '',
                family_name TEXT NOT NULL DEFAULT '',
                additional_names TEXT NOT NULL DEFAULT '',
                honorific_prefix TEXT NOT NULL DEFAULT '',
                honorific_suffix TEXT NOT NULL DEFAULT '',
                nickname TEXT NOT NULL DEFAULT '',
                organization TEXT NOT NULL DEFAULT '',
                title TEXT NOT NULL DEFAULT '',
                birthday TEXT NOT NULL DEFAULT '',
                photo BLOB,
                photo_mime TEXT NOT NULL DEFAULT '',
                notes TEXT NOT NULL DEFAULT '',
                met_channel TEXT NOT NULL DEFAULT '',
                met_on TEXT,
                keep_in_touch_days INTEGER NOT NULL DEFAULT 0 CHECK (keep_in_touch_days >= 0),
                archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
                extra_properties TEXT NOT NULL DEFAULT '',
                stage INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 5),
                manual_stage INTEGER CHECK (manual_stage BETWEEN 0 AND 5),
                last_interaction_at INTEGER,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            ))"),
            QStringLiteral("CREATE INDEX contacts_by_uid ON contacts(uid) WHERE uid <> ''"),
            QStringLiteral("CREATE INDEX contacts_by_name ON contacts(display_name COLLATE NOCASE)"),
            QStringLiteral("CREATE INDEX contacts_by_stage ON contacts(stage)"),
            QStringLiteral("CREATE INDEX contacts_by_last_interaction ON contacts(last_interaction_at)"),
            QStringLiteral(R"(CREATE TABLE contact_fields (
                id INTEGER PRIMARY KEY,
                contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'url', 'social')),
                position INTEGER NOT NULL,
                value TEXT NOT NULL,
                label TEXT NOT NULL DEFAULT '',
                preferred INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1))
            ))"),
            QStringLiteral("CREATE INDEX contact_fields_by_contact ON contact_fields(contact_id, kind, position)"),
            QStringLiteral("CREATE INDEX contact_fields_by_value ON contact_fields(kind, value COLLATE NOCASE)"),
            QStringLiteral(R"(CREATE TABLE contact_addresses (
                id INTEGER PRIMARY KEY,
                contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                label TEXT NOT NULL DEFAULT '',
                street TEXT NOT NULL DEFAULT '',
                locality TEXT NOT NULL DEFAULT '',
                region TEXT NOT NULL DEFAULT '',
                postal_code TEXT NOT NULL DEFAULT '',
                country TEXT NOT NULL DEFAULT ''
            ))"),
            QStringLiteral("CREATE INDEX contact_addresses_by_contact ON contact_addresses(contact_id, position)"),
            QStringLiteral(R"(CREATE TABLE tags (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE
            ))"),
            QStringLiteral(R"(CREATE TABLE contact_tags (
                contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
                position INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (contact_id, tag_id)
            ) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX contact_tags_by_tag ON contact_tags(tag_id)"),
            QStringLiteral(R"(CREATE TABLE interactions (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                occurred_at INTEGER NOT NULL,
                direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
                summary TEXT NOT NULL DEFAULT '',
                body TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL
            ))"),
            QStringLiteral("CREATE INDEX interactions_by_time ON interactions(occurred_at)"),
            QStringLiteral(R"(CREATE TABLE interaction_participants (
                interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
                contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                PRIMARY KEY (interaction_id, contact_id)
            ) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX participants_by_contact ON interaction_participants(contact_id, interaction_id)"),
            QStringLiteral(R"(CREATE TABLE stage_history (
                id INTEGER PRIMARY KEY,
                contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                stage INTEGER NOT NULL CHECK (stage BETWEEN 0 AND 5),
                reached_at INTEGER NOT NULL,
                manual INTEGER NOT NULL CHECK (manual IN (0, 1)),
                recorded_at INTEGER NOT NULL
            ))"),
            QStringLiteral("CREATE INDEX stage_history_by_contact ON stage_history(contact_id, id)"),
            QStringLiteral(R"(CREATE TABLE introductions (
                id INTEGER PRIMARY KEY,
                from_contact INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                to_contact INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                date TEXT,
                note TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL,
                CHECK (from_contact <> to_contact),
                UNIQUE (from_contact, to_contact)
            ))"),
            QStringLiteral("CREATE INDEX introductions_by_target ON introductions(to_contact)"),
            QStringLiteral(R"(CREATE TABLE reminders (
                id INTEGER PRIMARY KEY,
                contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                due_at INTEGER NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                recurrence_unit TEXT NOT NULL DEFAULT 'none'
                    CHECK (recurrence_unit IN ('none', 'days', 'weeks', 'months')),
                recurrence_every INTEGER NOT NULL DEFAULT 0 CHECK (recurrence_every >= 0),
                state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'snoozed', 'done')),
                origin TEXT NOT NULL DEFAULT 'manual'
                    CHECK (origin IN ('manual', 'keep-in-touch', 'thank-introducer')),
                snoozed_until INTEGER,
                completed_at INTEGER,
                created_at INTEGER NOT NULL
            ))"),
            QStringLiteral("CREATE INDEX reminders_by_due ON reminders(state, due_at)"),
            QStringLiteral("CREATE INDEX reminders_by_contact ON reminders(contact_id)"),
        },
    });

    migrations.append(Migration{
        2,
        QStringLiteral("relationship graph positions"),
        {
            QStringLiteral(R"(CREATE TABLE graph_positions (
                contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
                x REAL NOT NULL,
                y REAL NOT NULL,
                pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))
            ))"),
        },
    });

    migrations.append(Migration{
        3,
        QStringLiteral("anniversaries and undoable vCard imports"),
        {
            QStringLiteral("ALTER TABLE contacts ADD COLUMN anniversary TEXT NOT NULL DEFAULT ''"),
            QStringLiteral(R"(CREATE TABLE import_batches (
                id INTEGER PRIMARY KEY,
                imported_at INTEGER NOT NULL,
                files TEXT NOT NULL DEFAULT '',
                created INTEGER NOT NULL DEFAULT 0,
                merged INTEGER NOT NULL DEFAULT 0,
                unchanged INTEGER NOT NULL DEFAULT 0,
                skipped INTEGER NOT NULL DEFAULT 0,
                finished_at INTEGER,
                undone_at INTEGER
            ))"),
            QStringLiteral(R"(CREATE TABLE import_batch_contacts (
                batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
                contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                action TEXT NOT NULL CHECK (action IN ('created', 'merged')),
                before TEXT,
                PRIMARY KEY (batch_id, contact_id, action)
            ) WITHOUT ROWID)"),
            // Which imported cards a contact already holds, so that importing
            // the same card again is recognised without comparing field by field.
            QStringLiteral(R"(CREATE TABLE contact_sources (
                id INTEGER PRIMARY KEY,
                fingerprint BLOB NOT NULL,
                contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL
            ))"),
            QStringLiteral("CREATE INDEX contact_sources_by_fingerprint ON contact_sources(fingerprint)"),
            QStringLiteral("CREATE INDEX contact_sources_by_contact ON contact_sources(contact_id)"),
            QStringLiteral("CREATE INDEX contact_sources_by_batch ON contact_sources(batch_id)"),
        },
    });

    migrations.append(Migration{
        4,
        QStringLiteral("keep-in-touch cadences, thanking introducers, notified follow-ups"),
        {
            // A cadence reminder is re-armed from the contact's last interaction;
            // there is at most one open per contact.
            QStringLiteral("ALTER TABLE reminders ADD COLUMN cadence INTEGER NOT NULL DEFAULT 0 "
                           "CHECK (cadence IN (0, 1))"),
            // Whom a thank-the-introducer reminder is about, and the stage they reached.
            QStringLiteral("ALTER TABLE reminders ADD COLUMN about_contact_id INTEGER "
                           "REFERENCES contacts(id) ON DELETE SET NULL"),
            QStringLiteral("ALTER TABLE reminders ADD COLUMN about_stage INTEGER"),
            // When the user was last told this reminder is due, so each due time
            // is announced once, also across restarts.
            QStringLiteral("ALTER TABLE reminders ADD COLUMN notified_at INTEGER"),
            QStringLiteral("CREATE INDEX reminders_by_cadence ON reminders(contact_id) WHERE cadence = 1"),
            QStringLiteral(R"(CREATE TABLE reminder_settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID)"),
        },
    });

    // The text the contacts list searches (the same columns as the LIKE search
    // in ContactStore: name, organization, notes, every email, phone, web page
    // and profile, every tag), one row per contact with its id as rowid, in a
    // trigram index: a quoted phrase of three or more characters then matches
    // exactly the rows that hold it as a substring, without reading every
    // contact. Several values of one column are kept apart by a line feed, so
    // a phrase never runs from one value into the next.
    //
    // Triggers only note which contacts changed, whoever writes (the stores,
    // bulk imports, undo, rapport-cli); ContactStore brings their rows up to
    // date in one statement before it searches. Writing the index row by row
    // would make FTS5 flush its pending changes at every statement, which
    // made a 5,000-card import take a minute instead of a second.
    migrations.append(Migration{
        5,
        QStringLiteral("an index of the contacts' text for searching, indexes for insights"),
        {
            QStringLiteral("CREATE VIRTUAL TABLE contact_search USING fts5(name, organization, notes, fields, "
                           "tags, tokenize = 'trigram')"),
            QStringLiteral("CREATE TABLE contact_search_stale (contact_id INTEGER PRIMARY KEY)"),
            QStringLiteral(
                "INSERT INTO contact_search (rowid, name, organization, notes, fields, tags) "
                "SELECT c.id, c.display_name, c.organization, c.notes, "
                "(SELECT group_concat(f.value, char(10)) FROM contact_fields f WHERE f.contact_id = c.id), "
                "(SELECT group_concat(t.name, char(10)) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                "WHERE ct.contact_id = c.id) FROM contacts c"),
            searchTrigger("contact_search_contact_added", "INSERT ON contacts", "VALUES (NEW.id)"),
            searchTrigger("contact_search_contact_changed", "UPDATE OF id, display_name, organization, notes ON contacts",
                          "VALUES (OLD.id), (NEW.id)"),
            searchTrigger("contact_search_contact_removed", "DELETE ON contacts", "VALUES (OLD.id)"),
            searchTrigger("contact_search_field_added", "INSERT ON contact_fields", "VALUES (NEW.contact_id)"),
            searchTrigger("contact_search_field_changed", "UPDATE OF contact_id, value ON contact_fields",
                          "VALUES (OLD.contact_id), (NEW.contact_id)"),
            searchTrigger("contact_search_field_removed", "DELETE ON contact_fields", "VALUES (OLD.contact_id)"),
            searchTrigger("contact_search_tag_added", "INSERT ON contact_tags", "VALUES (NEW.contact_id)"),
            searchTrigger("contact_search_tag_changed", "UPDATE OF contact_id, tag_id ON contact_tags",
                          "VALUES (OLD.contact_id), (NEW.contact_id)"),
            searchTrigger("contact_search_tag_removed", "DELETE ON contact_tags", "VALUES (OLD.contact_id)"),
            searchTrigger("contact_search_tag_renamed", "UPDATE OF name ON tags",
                          "SELECT contact_id FROM contact_tags WHERE tag_id = NEW.id"),
            // The activity chart counts each kind's interactions per period in the index alone.
            QStringLiteral("CREATE INDEX interactions_by_kind_time ON interactions(kind, occurred_at)"),
            // The funnel reads every rung reached, by contact, from the index alone.
            QStringLiteral("CREATE INDEX stage_history_by_contact_stage ON stage_history(contact_id, stage, "
                           "reached_at)"),
        },
    });

    // Nothing looks contacts up by a field's value or by a card's fingerprint
    // in the file (imports match in memory, searches use contact_search), yet
    // keeping these two up to date was a third of a large import's index work.
    migrations.append(Migration{
        6,
        QStringLiteral("no index of field values or card fingerprints"),
        {
            QStringLiteral("DROP INDEX contact_fields_by_value"),
            QStringLiteral("DROP INDEX contact_sources_by_fingerprint"),
        },
    });

    // A contact's emails, phones, web pages and profiles, and its addresses,
    // are only ever read, written and removed by contact: kept in the order
    // of (contact, kind, position) itself, a table needs no index beside it
    // (WITHOUT ROWID). That is one b-tree instead of two for every detail
    // written, and a tenth less data file. Positions are numbered afresh from
    // 0 in the order they had, so that no two details share one. A detail
    // whose contact is gone (another tool may have left one) stays behind:
    // nothing showed it, and the foreign key would refuse it.
    // Nothing looks a contact up by its UID in the file either (an import
    // reads every UID into memory, as fast from the table as from the index).
    // Together these took a third off the work of writing 100,000 imported
    // cards' details.
    migrations.append(Migration{
        7,
        QStringLiteral("contacts' details kept in contact order, without an index beside them"),
        {
            QStringLiteral("DROP INDEX IF EXISTS contacts_by_uid"),
            QStringLiteral(R"(CREATE TABLE contact_fields_new (
                contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'url', 'social')),
                position INTEGER NOT NULL,
                value TEXT NOT NULL,
                label TEXT NOT NULL DEFAULT '',
                preferred INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),
                PRIMARY KEY (contact_id, kind, position)
            ) WITHOUT ROWID)"),
            QStringLiteral("INSERT INTO contact_fields_new (contact_id, kind, position, value, label, preferred) "
                           "SELECT contact_id, kind, row_number() OVER (PARTITION BY contact_id, kind "
                           "ORDER BY position, id) - 1, value, label, preferred FROM contact_fields "
                           "WHERE contact_id IN (SELECT id FROM contacts)"),
            QStringLiteral("DROP TABLE contact_fields"),
            QStringLiteral("ALTER TABLE contact_fields_new RENAME TO contact_fields"),
            searchTrigger("contact_search_field_added", "INSERT ON contact_fields", "VALUES (NEW.contact_id)"),
            searchTrigger("contact_search_field_changed", "UPDATE OF contact_id, value ON contact_fields",
                          "VALUES (OLD.contact_id), (NEW.contact_id)"),
            searchTrigger("contact_search_field_removed", "DELETE ON contact_fields", "VALUES (OLD.contact_id)"),
            QStringLiteral(R"(CREATE TABLE contact_addresses_new (
                contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                label TEXT NOT NULL DEFAULT '',
                street TEXT NOT NULL DEFAULT '',
                locality TEXT NOT NULL DEFAULT '',
                region TEXT NOT NULL DEFAULT '',
                postal_code TEXT NOT NULL DEFAULT '',
                country TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (contact_id, position)
            ) WITHOUT ROWID)"),
            QStringLiteral("INSERT INTO contact_addresses_new (contact_id, position, label, street, locality, "
                           "region, postal_code, country) "
                           "SELECT contact_id, row_number() OVER (PARTITION BY contact_id ORDER BY position, id) - 1, "
                           "label, street, locality, region, postal_code, country FROM contact_addresses "
                           "WHERE contact_id IN (SELECT id FROM contacts)"),
            QStringLiteral("DROP TABLE contact_addresses"),
            QStringLiteral("ALTER TABLE contact_addresses_new RENAME TO contact_addresses"),
        },
    });

    return migrations;
}

} // namespace

const QList<Migration> &schemaMigrations()
{
    static const QList<Migration> migrations = buildMigrations();
    return migrations;
}

} // namespace Rapport::Core
