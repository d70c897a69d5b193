using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrganisationsAndContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                    table.CheckConstraint("ck_organisations_name", "length(name) > 0");
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    opted_out_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                    table.CheckConstraint("ck_contacts_name", "length(name) > 0");
                    table.ForeignKey(
                        name: "fk_contacts_organisations",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_email",
                table: "contacts",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_organisation_id",
                table: "contacts",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_domain",
                table: "organisations",
                column: "domain");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_normalized_name",
                table: "organisations",
                column: "normalized_name",
                unique: true);

            migrationBuilder.AddColumn<Guid>(
                name: "contact_id",
                table: "relationships",
                type: "uuid",
                nullable: true);

            // Rows with the same organisation name (trimmed, any case) become one organisation; within it, rows with the same
            // contact email (any case), or without one the same name, become one contact, who keeps the first opt-out.
            migrationBuilder.Sql("""
DO $$
BEGIN
    -- The app's key lower-cases every letter (Organisation.Normalize); lower() under the C locale only ASCII ones.
    IF EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu') THEN
        EXECUTE 'CREATE FUNCTION pg_temp.normalize_name(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$ SELECT lower(btrim(name) COLLATE "und-x-icu") $f$';
    ELSE
        EXECUTE 'CREATE FUNCTION pg_temp.normalize_name(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$ SELECT lower(btrim(name)) $f$';
    END IF;
END $$;

INSERT INTO organisations (id, name, normalized_name, domain, is_demo, created_at)
SELECT gen_random_uuid(), (array_agg(btrim(client_organisation) ORDER BY created_at, id))[1], pg_temp.normalize_name(client_organisation), NULL, bool_and(is_demo), min(created_at)
FROM relationships GROUP BY pg_temp.normalize_name(client_organisation);

INSERT INTO contacts (id, organisation_id, name, role, email, opted_out_at, created_at)
SELECT gen_random_uuid(), o.id,
       (array_agg(btrim(r.contact_name) ORDER BY r.created_at DESC, r.id DESC))[1],
       (array_agg(r.contact_role ORDER BY r.created_at DESC, r.id DESC) FILTER (WHERE r.contact_role IS NOT NULL))[1],
       (array_agg(r.contact_email ORDER BY r.created_at DESC, r.id DESC))[1],
       min(r.contact_opted_out_at), min(r.created_at)
FROM relationships r JOIN organisations o ON o.normalized_name = pg_temp.normalize_name(r.client_organisation)
GROUP BY o.id, coalesce('@' || lower(r.contact_email), pg_temp.normalize_name(r.contact_name));

UPDATE relationships r SET contact_id = c.id
FROM contacts c JOIN organisations o ON o.id = c.organisation_id
WHERE o.normalized_name = pg_temp.normalize_name(r.client_organisation)
  AND coalesce('@' || lower(c.email), pg_temp.normalize_name(c.name)) = coalesce('@' || lower(r.contact_email), pg_temp.normalize_name(r.contact_name));

DROP FUNCTION pg_temp.normalize_name(text);
""");

            migrationBuilder.AlterColumn<Guid>(
                name: "contact_id",
                table: "relationships",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.DropIndex(
                name: "ix_relationships_client_organisation",
                table: "relationships");

            migrationBuilder.DropCheckConstraint(
                name: "ck_relationships_client_organisation",
                table: "relationships");

            migrationBuilder.DropCheckConstraint(
                name: "ck_relationships_contact_name",
                table: "relationships");

            migrationBuilder.DropColumn(
                name: "client_organisation",
                table: "relationships");

            migrationBuilder.DropColumn(
                name: "contact_email",
                table: "relationships");

            migrationBuilder.DropColumn(
                name: "contact_name",
                table: "relationships");

            migrationBuilder.DropColumn(
                name: "contact_opted_out_at",
                table: "relationships");

            migrationBuilder.DropColumn(
                name: "contact_role",
                table: "relationships");

            migrationBuilder.CreateIndex(
                name: "ix_relationships_contact_id",
                table: "relationships",
                column: "contact_id");

            migrationBuilder.AddForeignKey(
                name: "fk_relationships_contacts",
                table: "relationships",
                column: "contact_id",
                principalTable: "contacts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "client_organisation",
                table: "relationships",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "contact_email",
                table: "relationships",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_name",
                table: "relationships",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "contact_opted_out_at",
                table: "relationships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_role",
                table: "relationships",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // Each relationship takes its contact's and organisation's details back.
            migrationBuilder.Sql("""
UPDATE relationships r SET client_organisation = o.name, contact_name = c.name, contact_role = c.role,
       contact_email = c.email, contact_opted_out_at = c.opted_out_at
FROM contacts c JOIN organisations o ON o.id = c.organisation_id
WHERE c.id = r.contact_id;
""");

            migrationBuilder.DropForeignKey(
                name: "fk_relationships_contacts",
                table: "relationships");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropIndex(
                name: "ix_relationships_contact_id",
                table: "relationships");

            migrationBuilder.DropColumn(
                name: "contact_id",
                table: "relationships");

            migrationBuilder.CreateIndex(
                name: "ix_relationships_client_organisation",
                table: "relationships",
                column: "client_organisation");

            migrationBuilder.AddCheckConstraint(
                name: "ck_relationships_client_organisation",
                table: "relationships",
                sql: "length(client_organisation) > 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_relationships_contact_name",
                table: "relationships",
                sql: "length(contact_name) > 0");
        }
    }
}
