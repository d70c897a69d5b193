using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "relationships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    next_review_date = table.Column<DateOnly>(type: "date", nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    archived_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_relationships", x => x.id);
                    table.CheckConstraint("ck_relationships_client_organisation", "length(client_organisation) > 0");
                    table.CheckConstraint("ck_relationships_contact_name", "length(contact_name) > 0");
                    table.CheckConstraint("ck_relationships_stage", "stage IN ('Meet', 'Vet', 'Establish', 'Maintain')");
                });

            migrationBuilder.CreateTable(
                name: "assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    relationship_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lineage_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    meeting_date = table.Column<DateOnly>(type: "date", nullable: false),
                    meeting_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    credibility = table.Column<int>(type: "integer", nullable: false),
                    reliability = table.Column<int>(type: "integer", nullable: false),
                    intimacy = table.Column<int>(type: "integer", nullable: false),
                    self_orientation = table.Column<int>(type: "integer", nullable: false),
                    trust = table.Column<double>(type: "double precision", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    correction_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    superseded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessments", x => x.id);
                    table.CheckConstraint("ck_assessments_correction_reason", "revision = 1 OR correction_reason IS NOT NULL");
                    table.CheckConstraint("ck_assessments_credibility", "credibility BETWEEN 1 AND 10");
                    table.CheckConstraint("ck_assessments_intimacy", "intimacy BETWEEN 1 AND 10");
                    table.CheckConstraint("ck_assessments_meeting_kind", "meeting_kind IN ('InPerson', 'Call', 'Video', 'EmailOrOther')");
                    table.CheckConstraint("ck_assessments_reliability", "reliability BETWEEN 1 AND 10");
                    table.CheckConstraint("ck_assessments_revision", "revision >= 1");
                    table.CheckConstraint("ck_assessments_self_orientation", "self_orientation BETWEEN 1 AND 10");
                    table.CheckConstraint("ck_assessments_trust", "trust >= 0.1 AND trust <= 30");
                    table.ForeignKey(
                        name: "fk_assessments_relationships",
                        column: x => x.relationship_id,
                        principalTable: "relationships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_relationship_id_meeting_date_lineage_id",
                table: "assessments",
                columns: new[] { "relationship_id", "meeting_date", "lineage_id" },
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_assessments_current_revision",
                table: "assessments",
                column: "lineage_id",
                unique: true,
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_assessments_lineage_revision",
                table: "assessments",
                columns: new[] { "lineage_id", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_relationships_client_organisation",
                table: "relationships",
                column: "client_organisation");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessments");

            migrationBuilder.DropTable(
                name: "relationships");
        }
    }
}
