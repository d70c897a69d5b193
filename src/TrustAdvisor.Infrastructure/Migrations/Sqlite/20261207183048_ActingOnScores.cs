using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActingOnScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commitments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    relationship_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    assessment_lineage_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    made_by_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    promise = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    made_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    withdrawn_because = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitments", x => x.id);
                    table.CheckConstraint("ck_commitments_closed", "(status = 'Open') = (closed_on IS NULL AND closed_by_id IS NULL)");
                    table.CheckConstraint("ck_commitments_due", "due_on >= made_on");
                    table.CheckConstraint("ck_commitments_status", "status IN ('Open', 'KeptOnTime', 'KeptLate', 'Broken', 'Withdrawn')");
                    table.CheckConstraint("ck_commitments_withdrawn", "(status = 'Withdrawn') = (withdrawn_because IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_commitments_relationships",
                        column: x => x.relationship_id,
                        principalTable: "relationships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_commitments_users_closed_by",
                        column: x => x.closed_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_commitments_users_made_by",
                        column: x => x.made_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recovery_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    relationship_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    opened_by_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    factor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    problem = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    review_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    trust_recovered = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recovery_plans", x => x.id);
                    table.CheckConstraint("ck_recovery_plans_closed", "(status IN ('Draft', 'Open')) = (closed_on IS NULL AND closed_by_id IS NULL AND trust_recovered IS NULL)");
                    table.CheckConstraint("ck_recovery_plans_factor", "factor IN ('Credibility', 'Reliability', 'Intimacy', 'SelfOrientation')");
                    table.CheckConstraint("ck_recovery_plans_review", "review_on > opened_on");
                    table.CheckConstraint("ck_recovery_plans_status", "status IN ('Draft', 'Open', 'Achieved', 'Abandoned')");
                    table.ForeignKey(
                        name: "fk_recovery_plans_relationships",
                        column: x => x.relationship_id,
                        principalTable: "relationships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_recovery_plans_users_closed_by",
                        column: x => x.closed_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_recovery_plans_users_opened_by",
                        column: x => x.opened_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "risks_taken",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    relationship_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    assessment_lineage_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    risk = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    meeting_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    taken_by_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risks_taken", x => x.id);
                    table.CheckConstraint("ck_risks_taken_risk", "risk IN ('AdmittedNotKnowing', 'StretchCommitment', 'OfferedPointOfView', 'NamedHowTheClientSeesIt', 'RecommendedSomeoneElse')");
                    table.ForeignKey(
                        name: "fk_risks_taken_relationships",
                        column: x => x.relationship_id,
                        principalTable: "relationships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_risks_taken_users",
                        column: x => x.taken_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recovery_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    what = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    done_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recovery_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_recovery_steps_recovery_plans",
                        column: x => x.plan_id,
                        principalTable: "recovery_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_recovery_steps_users",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commitments_closed_by_id",
                table: "commitments",
                column: "closed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_open_by_maker",
                table: "commitments",
                columns: new[] { "made_by_id", "due_on" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_relationship_id_due_on",
                table: "commitments",
                columns: new[] { "relationship_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_recovery_plans_closed_by_id",
                table: "recovery_plans",
                column: "closed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_recovery_plans_opened_by_id",
                table: "recovery_plans",
                column: "opened_by_id");

            migrationBuilder.CreateIndex(
                name: "ux_recovery_plans_one_active",
                table: "recovery_plans",
                column: "relationship_id",
                unique: true,
                filter: "status IN ('Draft', 'Open')");

            migrationBuilder.CreateIndex(
                name: "ix_recovery_steps_open_by_owner",
                table: "recovery_steps",
                columns: new[] { "owner_id", "due_on" },
                filter: "done_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_recovery_steps_plan_id",
                table: "recovery_steps",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_risks_taken_assessment_lineage_id_risk",
                table: "risks_taken",
                columns: new[] { "assessment_lineage_id", "risk" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risks_taken_relationship_id",
                table: "risks_taken",
                column: "relationship_id");

            migrationBuilder.CreateIndex(
                name: "ix_risks_taken_taken_by_id_meeting_date",
                table: "risks_taken",
                columns: new[] { "taken_by_id", "meeting_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commitments");

            migrationBuilder.DropTable(
                name: "recovery_steps");

            migrationBuilder.DropTable(
                name: "risks_taken");

            migrationBuilder.DropTable(
                name: "recovery_plans");
        }
    }
}
