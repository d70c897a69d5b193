using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Sqlite
{
    /// <summary>People's calendars connected by their secret address, and the client meetings read from them (ADR 21).</summary>
    public partial class CalendarConnections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_connections",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sealed_address = table.Column<string>(type: "TEXT", nullable: false),
                    host = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    connected_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    next_read_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    claimed_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_read_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_success_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_content_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    failing_since = table.Column<DateTime>(type: "TEXT", nullable: true),
                    e_tag = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    last_modified = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    meetings_found = table.Column<int>(type: "INTEGER", nullable: false),
                    prompts_on = table.Column<bool>(type: "INTEGER", nullable: false),
                    working_hours_only = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_connections", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_calendar_connections_users",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "calendar_meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_uid = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    occurrence_key = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    starts_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ends_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    contact_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    change_hash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    found_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    prompted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    dismissed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_calendar_meetings_contacts",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_calendar_meetings_organisations",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_calendar_meetings_users",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_connections_next_read_at",
                table: "calendar_connections",
                column: "next_read_at");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_meetings_assessment_id",
                table: "calendar_meetings",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_meetings_contact_id",
                table: "calendar_meetings",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_meetings_organisation_id",
                table: "calendar_meetings",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_meetings_user_id_ends_at",
                table: "calendar_meetings",
                columns: new[] { "user_id", "ends_at" });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_meetings_user_id_event_uid_occurrence_key",
                table: "calendar_meetings",
                columns: new[] { "user_id", "event_uid", "occurrence_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_connections");

            migrationBuilder.DropTable(
                name: "calendar_meetings");
        }
    }
}
