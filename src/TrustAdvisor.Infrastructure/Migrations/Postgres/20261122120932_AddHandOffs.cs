using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustAdvisor.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddHandOffs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hand_offs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    relationship_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    handed_off_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hand_offs", x => x.id);
                    table.CheckConstraint("ck_hand_offs_note", "length(note) > 0");
                    table.CheckConstraint("ck_hand_offs_someone_else", "from_owner_id <> to_owner_id");
                    table.ForeignKey(
                        name: "fk_hand_offs_relationships",
                        column: x => x.relationship_id,
                        principalTable: "relationships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_hand_offs_users_by",
                        column: x => x.by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_hand_offs_users_from",
                        column: x => x.from_owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_hand_offs_users_to",
                        column: x => x.to_owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hand_offs_by_user_id",
                table: "hand_offs",
                column: "by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_hand_offs_from_owner_id",
                table: "hand_offs",
                column: "from_owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_hand_offs_relationship_id_handed_off_at",
                table: "hand_offs",
                columns: new[] { "relationship_id", "handed_off_at" });

            migrationBuilder.CreateIndex(
                name: "ix_hand_offs_to_owner_id",
                table: "hand_offs",
                column: "to_owner_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hand_offs");
        }
    }
}
