using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SessionConfirmedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "confirmed_at",
                table: "user_sessions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Open sessions last proved who they were when they signed in.
            migrationBuilder.Sql("UPDATE user_sessions SET confirmed_at = started_at;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "confirmed_at",
                table: "user_sessions");
        }
    }
}
