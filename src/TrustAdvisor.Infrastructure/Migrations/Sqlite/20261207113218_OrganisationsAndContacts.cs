using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: true),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    opted_out_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                type: "TEXT",
                nullable: true);

            // Rows with the same organisation name (trimmed, any case) become one organisation; within it, rows with the same
            // contact email (any case), or without one the same name, become one contact, who keeps the first opt-out.
            migrationBuilder.Sql("""
INSERT INTO organisations (id, name, normalized_name, domain, is_demo, created_at)
SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
       (SELECT trim(f.client_organisation) FROM relationships f WHERE normalize_name(f.client_organisation) = g.name_key ORDER BY f.created_at, f.id LIMIT 1),
       g.name_key, NULL, g.is_demo, g.created_at
FROM (SELECT normalize_name(client_organisation) AS name_key, min(is_demo) AS is_demo, min(created_at) AS created_at
      FROM relationships GROUP BY normalize_name(client_organisation)) g;

CREATE TEMP TABLE keyed AS
SELECT r.id, r.contact_name, r.contact_role, r.contact_email, r.contact_opted_out_at, r.created_at, o.id AS organisation_id,
       coalesce('@' || lower(r.contact_email), normalize_name(r.contact_name)) AS person
FROM relationships r JOIN organisations o ON o.normalized_name = normalize_name(r.client_organisation);

INSERT INTO contacts (id, organisation_id, name, role, email, opted_out_at, created_at)
SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))), g.organisation_id,
       (SELECT trim(k.contact_name) FROM keyed k WHERE k.organisation_id = g.organisation_id AND k.person = g.person ORDER BY k.created_at DESC, k.id DESC LIMIT 1),
       (SELECT k.contact_role FROM keyed k WHERE k.organisation_id = g.organisation_id AND k.person = g.person AND k.contact_role IS NOT NULL ORDER BY k.created_at DESC, k.id DESC LIMIT 1),
       (SELECT k.contact_email FROM keyed k WHERE k.organisation_id = g.organisation_id AND k.person = g.person ORDER BY k.created_at DESC, k.id DESC LIMIT 1),
       g.opted_out_at, g.created_at
FROM (SELECT organisation_id, person, min(contact_opted_out_at) AS opted_out_at, min(created_at) AS created_at FROM keyed GROUP BY organisation_id, person) g;

UPDATE relationships SET contact_id = (
    SELECT c.id FROM keyed k JOIN contacts c ON c.organisation_id = k.organisation_id
        AND coalesce('@' || lower(c.email), normalize_name(c.name)) = k.person
    WHERE k.id = relationships.id);

DROP TABLE keyed;
""");

            migrationBuilder.AlterColumn<Guid>(
                name: "contact_id",
                table: "relationships",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT",
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
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "contact_email",
                table: "relationships",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_name",
                table: "relationships",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "contact_opted_out_at",
                table: "relationships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_role",
                table: "relationships",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            // Each relationship takes its contact's and organisation's details back.
            migrationBuilder.Sql("""
UPDATE relationships SET
    client_organisation = (SELECT o.name FROM contacts c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = relationships.contact_id),
    contact_name = (SELECT c.name FROM contacts c WHERE c.id = relationships.contact_id),
    contact_role = (SELECT c.role FROM contacts c WHERE c.id = relationships.contact_id),
    contact_email = (SELECT c.email FROM contacts c WHERE c.id = relationships.contact_id),
    contact_opted_out_at = (SELECT c.opted_out_at FROM contacts c WHERE c.id = relationships.contact_id);
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
