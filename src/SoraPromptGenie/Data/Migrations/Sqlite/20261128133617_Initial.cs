using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoraPromptGenie.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "llm_calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    timestamp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    operation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    engine = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: true),
                    latency_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    prompt_tokens = table.Column<long>(type: "INTEGER", nullable: true),
                    completion_tokens = table.Column<long>(type: "INTEGER", nullable: true),
                    cost = table.Column<decimal>(type: "TEXT", precision: 18, scale: 8, nullable: true),
                    cached = table.Column<bool>(type: "INTEGER", nullable: false),
                    offline = table.Column<bool>(type: "INTEGER", nullable: false),
                    request_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_llm_calls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workspaces",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspaces", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "prompts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    workspace_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    size = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    seconds = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    current_version = table.Column<int>(type: "INTEGER", nullable: false),
                    share_token_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prompts", x => x.id);
                    table.ForeignKey(
                        name: "fk_prompts_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prompt_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    prompt_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    size = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    seconds = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    operation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    enhancement_ids = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    engine = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    restored_from = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prompt_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_prompt_versions_prompts_prompt_id",
                        column: x => x.prompt_id,
                        principalTable: "prompts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_llm_calls_timestamp",
                table: "llm_calls",
                column: "timestamp");

            migrationBuilder.CreateIndex(
                name: "ix_prompt_versions_prompt_id_number",
                table: "prompt_versions",
                columns: new[] { "prompt_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_prompts_share_token_hash",
                table: "prompts",
                column: "share_token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_prompts_workspace_id_updated_at_id",
                table: "prompts",
                columns: new[] { "workspace_id", "updated_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_workspaces_key_hash",
                table: "workspaces",
                column: "key_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "llm_calls");

            migrationBuilder.DropTable(
                name: "prompt_versions");

            migrationBuilder.DropTable(
                name: "prompts");

            migrationBuilder.DropTable(
                name: "workspaces");
        }
    }
}
