using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Sqlite
{
    /// <summary>An import runs as a job: its status, claim and progress on the upload's row (ADR 20).</summary>
    public partial class ImportProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "claimed_until",
                table: "import_uploads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "error",
                table: "import_uploads",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "percent_read",
                table: "import_uploads",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "rows_done",
                table: "import_uploads",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "import_uploads",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Previewed");

            // Uploads from before the import job: those imported say so; the rest wait for their import as before.
            migrationBuilder.Sql("UPDATE import_uploads SET status = 'Imported' WHERE imported_at IS NOT NULL;");

            migrationBuilder.AddColumn<bool>(
                name: "valid_only",
                table: "import_uploads",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_import_uploads_status",
                table: "import_uploads",
                column: "status",
                filter: "status IN ('Queued', 'Importing')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_import_uploads_status",
                table: "import_uploads",
                sql: "status IN ('Previewed', 'Queued', 'Importing', 'Imported', 'Failed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_import_uploads_status",
                table: "import_uploads");

            migrationBuilder.DropCheckConstraint(
                name: "ck_import_uploads_status",
                table: "import_uploads");

            migrationBuilder.DropColumn(
                name: "claimed_until",
                table: "import_uploads");

            migrationBuilder.DropColumn(
                name: "error",
                table: "import_uploads");

            migrationBuilder.DropColumn(
                name: "percent_read",
                table: "import_uploads");

            migrationBuilder.DropColumn(
                name: "rows_done",
                table: "import_uploads");

            migrationBuilder.DropColumn(
                name: "status",
                table: "import_uploads");

            migrationBuilder.DropColumn(
                name: "valid_only",
                table: "import_uploads");
        }
    }
}
