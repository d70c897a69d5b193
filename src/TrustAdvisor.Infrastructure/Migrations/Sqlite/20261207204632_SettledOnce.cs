using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SettledOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_commitments_open_by_maker",
                table: "commitments");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_made_by_id_due_on",
                table: "commitments",
                columns: new[] { "made_by_id", "due_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_commitments_made_by_id_due_on",
                table: "commitments");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_open_by_maker",
                table: "commitments",
                columns: new[] { "made_by_id", "due_on" },
                filter: "status = 'Open'");
        }
    }
}
