using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoraPromptGenie.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Storyboards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "storyboards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workspace_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    document = table.Column<string>(type: "character varying(400000)", maxLength: 400000, nullable: false),
                    target = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    shot_count = table.Column<int>(type: "integer", nullable: false),
                    total_seconds = table.Column<int>(type: "integer", nullable: false),
                    current_version = table.Column<int>(type: "integer", nullable: false),
                    share_token_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    share_token_protected = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    share_pinned_version = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_storyboards", x => x.id);
                    table.ForeignKey(
                        name: "fk_storyboards_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "storyboard_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    storyboard_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    document = table.Column<string>(type: "character varying(400000)", maxLength: 400000, nullable: false),
                    operation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    engine = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    restored_from = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_storyboard_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_storyboard_versions_storyboards_storyboard_id",
                        column: x => x.storyboard_id,
                        principalTable: "storyboards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_storyboard_versions_storyboard_id_number",
                table: "storyboard_versions",
                columns: new[] { "storyboard_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_storyboards_share_token_hash",
                table: "storyboards",
                column: "share_token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_storyboards_workspace_id_updated_at_id",
                table: "storyboards",
                columns: new[] { "workspace_id", "updated_at", "id" },
                descending: new[] { false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "storyboard_versions");

            migrationBuilder.DropTable(
                name: "storyboards");
        }
    }
}
