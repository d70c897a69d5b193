using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportsAndExternalIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "relationships",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "import_uploads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    date_format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    uploaded_by_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    imported_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_uploads", x => x.id);
                    table.CheckConstraint("ck_import_uploads_kind", "kind IN ('Relationships', 'Assessments')");
                    table.ForeignKey(
                        name: "fk_import_uploads_users",
                        column: x => x.uploaded_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_relationships_external_id",
                table: "relationships",
                column: "external_id",
                unique: true,
                filter: "external_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_import_uploads_uploaded_at",
                table: "import_uploads",
                column: "uploaded_at");

            migrationBuilder.CreateIndex(
                name: "ix_import_uploads_uploaded_by_id",
                table: "import_uploads",
                column: "uploaded_by_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_uploads");

            migrationBuilder.DropIndex(
                name: "ix_relationships_external_id",
                table: "relationships");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "relationships");
        }
    }
}
