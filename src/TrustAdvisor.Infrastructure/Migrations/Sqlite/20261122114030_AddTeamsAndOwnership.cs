using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTeamsAndOwnership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "team_id",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "owner_id",
                table: "relationships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "team_id",
                table: "relationships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "author_id",
                table: "assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "teams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teams", x => x.id);
                    table.CheckConstraint("ck_teams_name", "length(name) > 0");
                });

            migrationBuilder.CreateIndex(
                name: "ix_users_team_id",
                table: "users",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_relationships_owner_id",
                table: "relationships",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_relationships_team_id",
                table: "relationships",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_author_id",
                table: "assessments",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_teams_name",
                table: "teams",
                column: "name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_assessments_users",
                table: "assessments",
                column: "author_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_relationships_teams",
                table: "relationships",
                column: "team_id",
                principalTable: "teams",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_relationships_users",
                table: "relationships",
                column: "owner_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_users_teams",
                table: "users",
                column: "team_id",
                principalTable: "teams",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_assessments_users",
                table: "assessments");

            migrationBuilder.DropForeignKey(
                name: "fk_relationships_teams",
                table: "relationships");

            migrationBuilder.DropForeignKey(
                name: "fk_relationships_users",
                table: "relationships");

            migrationBuilder.DropForeignKey(
                name: "fk_users_teams",
                table: "users");

            migrationBuilder.DropTable(
                name: "teams");

            migrationBuilder.DropIndex(
                name: "ix_users_team_id",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_relationships_owner_id",
                table: "relationships");

            migrationBuilder.DropIndex(
                name: "ix_relationships_team_id",
                table: "relationships");

            migrationBuilder.DropIndex(
                name: "ix_assessments_author_id",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "team_id",
                table: "users");

            migrationBuilder.DropColumn(
                name: "owner_id",
                table: "relationships");

            migrationBuilder.DropColumn(
                name: "team_id",
                table: "relationships");

            migrationBuilder.DropColumn(
                name: "author_id",
                table: "assessments");
        }
    }
}
