using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SingleSignOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "joined_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "provider_issuer",
                table: "user_sessions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "provider_session_id",
                table: "user_sessions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "passwords_for",
                table: "sign_in_policy",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Everyone");

            migrationBuilder.CreateIndex(
                name: "ix_user_sessions_provider_session_id",
                table: "user_sessions",
                column: "provider_session_id",
                filter: "provider_session_id IS NOT NULL");

            // Everyone who has a password has joined; only a waiting invitation has none.
            migrationBuilder.Sql("UPDATE users SET joined_at = created_at WHERE password_hash IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_user_sessions_provider_session_id",
                table: "user_sessions");

            migrationBuilder.DropColumn(
                name: "joined_at",
                table: "users");

            migrationBuilder.DropColumn(
                name: "provider_issuer",
                table: "user_sessions");

            migrationBuilder.DropColumn(
                name: "provider_session_id",
                table: "user_sessions");

            migrationBuilder.DropColumn(
                name: "passwords_for",
                table: "sign_in_policy");
        }
    }
}
