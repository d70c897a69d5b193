using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Sqlite
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
                type: "INTEGER",
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
