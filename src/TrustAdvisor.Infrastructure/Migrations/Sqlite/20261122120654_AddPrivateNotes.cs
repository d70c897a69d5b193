using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPrivateNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "note_author_id",
                table: "assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "note_is_private",
                table: "assessments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_assessments_note_author_id",
                table: "assessments",
                column: "note_author_id");

            migrationBuilder.AddForeignKey(
                name: "fk_assessments_users_note_author",
                table: "assessments",
                column: "note_author_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_assessments_users_note_author",
                table: "assessments");

            migrationBuilder.DropIndex(
                name: "ix_assessments_note_author_id",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "note_author_id",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "note_is_private",
                table: "assessments");
        }
    }
}
