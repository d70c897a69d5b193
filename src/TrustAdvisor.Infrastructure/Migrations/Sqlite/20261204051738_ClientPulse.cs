using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClientPulse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "contact_email",
                table: "relationships",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pulses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    relationship_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    advisor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    asked_by_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    token_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    asked_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    answered_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    submission_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    credibility = table.Column<int>(type: "INTEGER", nullable: true),
                    reliability = table.Column<int>(type: "INTEGER", nullable: true),
                    intimacy = table.Column<int>(type: "INTEGER", nullable: true),
                    interests_first = table.Column<int>(type: "INTEGER", nullable: true),
                    self_orientation = table.Column<int>(type: "INTEGER", nullable: true),
                    trust = table.Column<double>(type: "REAL", nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pulses", x => x.id);
                    table.CheckConstraint("ck_pulses_answered", "(status = 'Answered') = (credibility IS NOT NULL AND reliability IS NOT NULL AND intimacy IS NOT NULL AND interests_first IS NOT NULL AND trust IS NOT NULL AND submission_id IS NOT NULL AND answered_on IS NOT NULL)");
                    table.CheckConstraint("ck_pulses_closed", "(status = 'Open') = (closed_at IS NULL)");
                    table.CheckConstraint("ck_pulses_scores", "(credibility BETWEEN 1 AND 10) AND (reliability BETWEEN 1 AND 10) AND (intimacy BETWEEN 1 AND 10) AND (interests_first BETWEEN 1 AND 10)");
                    table.CheckConstraint("ck_pulses_self_orientation", "self_orientation = 11 - interests_first");
                    table.CheckConstraint("ck_pulses_status", "status IN ('Open', 'Answered', 'Withdrawn', 'Replaced')");
                    table.ForeignKey(
                        name: "fk_pulses_relationships",
                        column: x => x.relationship_id,
                        principalTable: "relationships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pulses_users_advisor",
                        column: x => x.advisor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pulses_users_asked_by",
                        column: x => x.asked_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pulses_advisor_id",
                table: "pulses",
                column: "advisor_id");

            migrationBuilder.CreateIndex(
                name: "ix_pulses_asked_by_id",
                table: "pulses",
                column: "asked_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_pulses_relationship_id_answered_on",
                table: "pulses",
                columns: new[] { "relationship_id", "answered_on" });

            migrationBuilder.CreateIndex(
                name: "ux_pulses_one_open",
                table: "pulses",
                column: "relationship_id",
                unique: true,
                filter: "status = 'Open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pulses");

            migrationBuilder.DropColumn(
                name: "contact_email",
                table: "relationships");
        }
    }
}
