using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SignInFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sign_in_failures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_key = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_failures", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_failures_account_key_at",
                table: "sign_in_failures",
                columns: new[] { "account_key", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_failures_at",
                table: "sign_in_failures",
                column: "at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_in_failures");
        }
    }
}
