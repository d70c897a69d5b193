CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "relationships" (
    "id" TEXT NOT NULL CONSTRAINT "pk_relationships" PRIMARY KEY,
    "client_organisation" TEXT NOT NULL,
    "contact_name" TEXT NOT NULL,
    "contact_role" TEXT NULL,
    "stage" TEXT NOT NULL,
    "next_review_date" TEXT NOT NULL,
    "is_demo" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "archived_at" TEXT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "ck_relationships_client_organisation" CHECK (length(client_organisation) > 0),
    CONSTRAINT "ck_relationships_contact_name" CHECK (length(contact_name) > 0),
    CONSTRAINT "ck_relationships_stage" CHECK (stage IN ('Meet', 'Vet', 'Establish', 'Maintain'))
);

CREATE TABLE "assessments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_assessments" PRIMARY KEY,
    "relationship_id" TEXT NOT NULL,
    "lineage_id" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "meeting_date" TEXT NOT NULL,
    "meeting_kind" TEXT NOT NULL,
    "credibility" INTEGER NOT NULL,
    "reliability" INTEGER NOT NULL,
    "intimacy" INTEGER NOT NULL,
    "self_orientation" INTEGER NOT NULL,
    "trust" REAL NOT NULL,
    "note" TEXT NULL,
    "recorded_at" TEXT NOT NULL,
    "correction_reason" TEXT NULL,
    "superseded_at" TEXT NULL,
    CONSTRAINT "ck_assessments_correction_reason" CHECK (revision = 1 OR correction_reason IS NOT NULL),
    CONSTRAINT "ck_assessments_credibility" CHECK (credibility BETWEEN 1 AND 10),
    CONSTRAINT "ck_assessments_intimacy" CHECK (intimacy BETWEEN 1 AND 10),
    CONSTRAINT "ck_assessments_meeting_kind" CHECK (meeting_kind IN ('InPerson', 'Call', 'Video', 'EmailOrOther')),
    CONSTRAINT "ck_assessments_reliability" CHECK (reliability BETWEEN 1 AND 10),
    CONSTRAINT "ck_assessments_revision" CHECK (revision >= 1),
    CONSTRAINT "ck_assessments_self_orientation" CHECK (self_orientation BETWEEN 1 AND 10),
    CONSTRAINT "ck_assessments_trust" CHECK (trust >= 0.1 AND trust <= 30),
    CONSTRAINT "fk_assessments_relationships" FOREIGN KEY ("relationship_id") REFERENCES "relationships" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_assessments_relationship_id_meeting_date_lineage_id" ON "assessments" ("relationship_id", "meeting_date", "lineage_id") WHERE superseded_at IS NULL;

CREATE UNIQUE INDEX "ux_assessments_current_revision" ON "assessments" ("lineage_id") WHERE superseded_at IS NULL;

CREATE UNIQUE INDEX "ux_assessments_lineage_revision" ON "assessments" ("lineage_id", "revision");

CREATE INDEX "ix_relationships_client_organisation" ON "relationships" ("client_organisation");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122105910_InitialSchema', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_users" PRIMARY KEY,
    "display_name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "is_active" INTEGER NOT NULL,
    "is_demo" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL,
    CONSTRAINT "ck_users_role" CHECK (role IN ('Advisor', 'Manager', 'Administrator'))
);

CREATE TABLE "user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_user_claims_users" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_user_logins_users" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_user_tokens_users" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_user_claims_user_id" ON "user_claims" ("user_id");

CREATE INDEX "ix_user_logins_user_id" ON "user_logins" ("user_id");

CREATE INDEX "EmailIndex" ON "users" ("normalized_email");

CREATE INDEX "ix_users_role" ON "users" ("role");

CREATE UNIQUE INDEX "UserNameIndex" ON "users" ("normalized_user_name");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122113035_AddAccounts', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "users" ADD "team_id" TEXT NULL;

ALTER TABLE "relationships" ADD "owner_id" TEXT NULL;

ALTER TABLE "relationships" ADD "team_id" TEXT NULL;

ALTER TABLE "assessments" ADD "author_id" TEXT NULL;

CREATE TABLE "teams" (
    "id" TEXT NOT NULL CONSTRAINT "pk_teams" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "is_demo" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "ck_teams_name" CHECK (length(name) > 0)
);

CREATE INDEX "ix_users_team_id" ON "users" ("team_id");

CREATE INDEX "ix_relationships_owner_id" ON "relationships" ("owner_id");

CREATE INDEX "ix_relationships_team_id" ON "relationships" ("team_id");

CREATE INDEX "ix_assessments_author_id" ON "assessments" ("author_id");

CREATE UNIQUE INDEX "ix_teams_name" ON "teams" ("name");

CREATE TABLE "ef_temp_assessments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_assessments" PRIMARY KEY,
    "author_id" TEXT NULL,
    "correction_reason" TEXT NULL,
    "credibility" INTEGER NOT NULL,
    "intimacy" INTEGER NOT NULL,
    "lineage_id" TEXT NOT NULL,
    "meeting_date" TEXT NOT NULL,
    "meeting_kind" TEXT NOT NULL,
    "note" TEXT NULL,
    "recorded_at" TEXT NOT NULL,
    "relationship_id" TEXT NOT NULL,
    "reliability" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "self_orientation" INTEGER NOT NULL,
    "superseded_at" TEXT NULL,
    "trust" REAL NOT NULL,
    CONSTRAINT "ck_assessments_correction_reason" CHECK (revision = 1 OR correction_reason IS NOT NULL),
    CONSTRAINT "ck_assessments_credibility" CHECK (credibility BETWEEN 1 AND 10),
    CONSTRAINT "ck_assessments_intimacy" CHECK (intimacy BETWEEN 1 AND 10),
    CONSTRAINT "ck_assessments_meeting_kind" CHECK (meeting_kind IN ('InPerson', 'Call', 'Video', 'EmailOrOther')),
    CONSTRAINT "ck_assessments_reliability" CHECK (reliability BETWEEN 1 AND 10),
    CONSTRAINT "ck_assessments_revision" CHECK (revision >= 1),
    CONSTRAINT "ck_assessments_self_orientation" CHECK (self_orientation BETWEEN 1 AND 10),
    CONSTRAINT "ck_assessments_trust" CHECK (trust >= 0.1 AND trust <= 30),
    CONSTRAINT "fk_assessments_relationships" FOREIGN KEY ("relationship_id") REFERENCES "relationships" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_assessments_users" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_assessments" ("id", "author_id", "correction_reason", "credibility", "intimacy", "lineage_id", "meeting_date", "meeting_kind", "note", "recorded_at", "relationship_id", "reliability", "revision", "self_orientation", "superseded_at", "trust")
SELECT "id", "author_id", "correction_reason", "credibility", "intimacy", "lineage_id", "meeting_date", "meeting_kind", "note", "recorded_at", "relationship_id", "reliability", "revision", "self_orientation", "superseded_at", "trust"
FROM "assessments";

CREATE TABLE "ef_temp_relationships" (
    "id" TEXT NOT NULL CONSTRAINT "pk_relationships" PRIMARY KEY,
    "archived_at" TEXT NULL,
    "client_organisation" TEXT NOT NULL,
    "contact_name" TEXT NOT NULL,
    "contact_role" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "is_demo" INTEGER NOT NULL,
    "next_review_date" TEXT NOT NULL,
    "owner_id" TEXT NULL,
    "stage" TEXT NOT NULL,
    "team_id" TEXT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "ck_relationships_client_organisation" CHECK (length(client_organisation) > 0),
    CONSTRAINT "ck_relationships_contact_name" CHECK (length(contact_name) > 0),
    CONSTRAINT "ck_relationships_stage" CHECK (stage IN ('Meet', 'Vet', 'Establish', 'Maintain')),
    CONSTRAINT "fk_relationships_teams" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_relationships_users" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_relationships" ("id", "archived_at", "client_organisation", "contact_name", "contact_role", "created_at", "is_demo", "next_review_date", "owner_id", "stage", "team_id", "version")
SELECT "id", "archived_at", "client_organisation", "contact_name", "contact_role", "created_at", "is_demo", "next_review_date", "owner_id", "stage", "team_id", "version"
FROM "relationships";

CREATE TABLE "ef_temp_users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_users" PRIMARY KEY,
    "access_failed_count" INTEGER NOT NULL,
    "concurrency_stamp" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "is_active" INTEGER NOT NULL,
    "is_demo" INTEGER NOT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "normalized_email" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "password_hash" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "security_stamp" TEXT NULL,
    "team_id" TEXT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "user_name" TEXT NULL,
    CONSTRAINT "ck_users_role" CHECK (role IN ('Advisor', 'Manager', 'Administrator')),
    CONSTRAINT "fk_users_teams" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_users" ("id", "access_failed_count", "concurrency_stamp", "created_at", "display_name", "email", "email_confirmed", "is_active", "is_demo", "lockout_enabled", "lockout_end", "normalized_email", "normalized_user_name", "password_hash", "phone_number", "phone_number_confirmed", "role", "security_stamp", "team_id", "two_factor_enabled", "user_name")
SELECT "id", "access_failed_count", "concurrency_stamp", "created_at", "display_name", "email", "email_confirmed", "is_active", "is_demo", "lockout_enabled", "lockout_end", "normalized_email", "normalized_user_name", "password_hash", "phone_number", "phone_number_confirmed", "role", "security_stamp", "team_id", "two_factor_enabled", "user_name"
FROM "users";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "assessments";

ALTER TABLE "ef_temp_assessments" RENAME TO "assessments";

DROP TABLE "relationships";

ALTER TABLE "ef_temp_relationships" RENAME TO "relationships";

DROP TABLE "users";

ALTER TABLE "ef_temp_users" RENAME TO "users";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "ix_assessments_author_id" ON "assessments" ("author_id");

CREATE INDEX "ix_assessments_relationship_id_meeting_date_lineage_id" ON "assessments" ("relationship_id", "meeting_date", "lineage_id") WHERE superseded_at IS NULL;

CREATE UNIQUE INDEX "ux_assessments_current_revision" ON "assessments" ("lineage_id") WHERE superseded_at IS NULL;

CREATE UNIQUE INDEX "ux_assessments_lineage_revision" ON "assessments" ("lineage_id", "revision");

CREATE INDEX "ix_relationships_client_organisation" ON "relationships" ("client_organisation");

CREATE INDEX "ix_relationships_owner_id" ON "relationships" ("owner_id");

CREATE INDEX "ix_relationships_team_id" ON "relationships" ("team_id");

CREATE INDEX "EmailIndex" ON "users" ("normalized_email");

CREATE INDEX "ix_users_role" ON "users" ("role");

CREATE INDEX "ix_users_team_id" ON "users" ("team_id");

CREATE UNIQUE INDEX "UserNameIndex" ON "users" ("normalized_user_name");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122114030_AddTeamsAndOwnership', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "assessments" ADD "note_author_id" TEXT NULL;

ALTER TABLE "assessments" ADD "note_is_private" INTEGER NOT NULL DEFAULT 0;

CREATE INDEX "ix_assessments_note_author_id" ON "assessments" ("note_author_id");

CREATE TABLE "ef_temp_assessments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_assessments" PRIMARY KEY,
    "author_id" TEXT NULL,
    "correction_reason" TEXT NULL,
    "credibility" INTEGER NOT NULL,
    "intimacy" INTEGER NOT NULL,
    "lineage_id" TEXT NOT NULL,
    "meeting_date" TEXT NOT NULL,
    "meeting_kind" TEXT NOT NULL,
    "note" TEXT NULL,
    "note_author_id" TEXT NULL,
    "note_is_private" INTEGER NOT NULL,
    "recorded_at" TEXT NOT NULL,
    "relationship_id" TEXT NOT NULL,
    "reliability" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "self_orientation" INTEGER NOT NULL,
    "superseded_at" TEXT NULL,
    "trust" REAL NOT NULL,
    CONSTRAINT "ck_assessments_correction_reason" CHECK (revision = 1 OR correction_reason IS NOT NULL),
    CONSTRAINT "ck_assessments_credibility" CHECK (credibility BETWEEN 1 AND 10),
    CONSTRAINT "ck_assessments_intimacy" CHECK (intimacy BETWEEN 1 AND 10),
    CONSTRAINT "ck_assessments_meeting_kind" CHECK (meeting_kind IN ('InPerson', 'Call', 'Video', 'EmailOrOther')),
    CONSTRAINT "ck_assessments_reliability" CHECK (reliability BETWEEN 1 AND 10),
    CONSTRAINT "ck_assessments_revision" CHECK (revision >= 1),
    CONSTRAINT "ck_assessments_self_orientation" CHECK (self_orientation BETWEEN 1 AND 10),
    CONSTRAINT "ck_assessments_trust" CHECK (trust >= 0.1 AND trust <= 30),
    CONSTRAINT "fk_assessments_relationships" FOREIGN KEY ("relationship_id") REFERENCES "relationships" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_assessments_users" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_assessments_users_note_author" FOREIGN KEY ("note_author_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_assessments" ("id", "author_id", "correction_reason", "credibility", "intimacy", "lineage_id", "meeting_date", "meeting_kind", "note", "note_author_id", "note_is_private", "recorded_at", "relationship_id", "reliability", "revision", "self_orientation", "superseded_at", "trust")
SELECT "id", "author_id", "correction_reason", "credibility", "intimacy", "lineage_id", "meeting_date", "meeting_kind", "note", "note_author_id", "note_is_private", "recorded_at", "relationship_id", "reliability", "revision", "self_orientation", "superseded_at", "trust"
FROM "assessments";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "assessments";

ALTER TABLE "ef_temp_assessments" RENAME TO "assessments";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "ix_assessments_author_id" ON "assessments" ("author_id");

CREATE INDEX "ix_assessments_note_author_id" ON "assessments" ("note_author_id");

CREATE INDEX "ix_assessments_relationship_id_meeting_date_lineage_id" ON "assessments" ("relationship_id", "meeting_date", "lineage_id") WHERE superseded_at IS NULL;

CREATE UNIQUE INDEX "ux_assessments_current_revision" ON "assessments" ("lineage_id") WHERE superseded_at IS NULL;

CREATE UNIQUE INDEX "ux_assessments_lineage_revision" ON "assessments" ("lineage_id", "revision");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122120654_AddPrivateNotes', '10.0.15');

BEGIN TRANSACTION;
CREATE TABLE "hand_offs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_hand_offs" PRIMARY KEY,
    "relationship_id" TEXT NOT NULL,
    "from_owner_id" TEXT NOT NULL,
    "to_owner_id" TEXT NOT NULL,
    "by_user_id" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "handed_off_at" TEXT NOT NULL,
    CONSTRAINT "ck_hand_offs_note" CHECK (length(note) > 0),
    CONSTRAINT "ck_hand_offs_someone_else" CHECK (from_owner_id <> to_owner_id),
    CONSTRAINT "fk_hand_offs_relationships" FOREIGN KEY ("relationship_id") REFERENCES "relationships" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_hand_offs_users_by" FOREIGN KEY ("by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_hand_offs_users_from" FOREIGN KEY ("from_owner_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_hand_offs_users_to" FOREIGN KEY ("to_owner_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_hand_offs_by_user_id" ON "hand_offs" ("by_user_id");

CREATE INDEX "ix_hand_offs_from_owner_id" ON "hand_offs" ("from_owner_id");

CREATE INDEX "ix_hand_offs_relationship_id_handed_off_at" ON "hand_offs" ("relationship_id", "handed_off_at");

CREATE INDEX "ix_hand_offs_to_owner_id" ON "hand_offs" ("to_owner_id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122120945_AddHandOffs', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NULL,
    "xml" TEXT NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122204248_AddDataProtectionKeys', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "audit_events" (
    "id" TEXT NOT NULL CONSTRAINT "pk_audit_events" PRIMARY KEY,
    "at" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_id" TEXT NULL,
    "subject_id" TEXT NULL,
    "detail" TEXT NULL,
    "address" TEXT NULL
);

CREATE INDEX "ix_audit_events_at" ON "audit_events" ("at");

CREATE INDEX "ix_audit_events_subject_id" ON "audit_events" ("subject_id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122205410_AddAuditEvents', '10.0.15');

COMMIT;

