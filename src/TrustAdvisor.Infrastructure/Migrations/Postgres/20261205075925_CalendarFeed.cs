using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CalendarFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "calendar_version",
                table: "mail_preferences",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "calendar_version",
                table: "mail_preferences");
        }
    }
}
