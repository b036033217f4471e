using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoraPromptGenie.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PromptTarget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "parameters",
                table: "prompts",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "target",
                table: "prompts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "parameters",
                table: "prompt_versions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "target",
                table: "prompt_versions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "parameters",
                table: "prompts");

            migrationBuilder.DropColumn(
                name: "target",
                table: "prompts");

            migrationBuilder.DropColumn(
                name: "parameters",
                table: "prompt_versions");

            migrationBuilder.DropColumn(
                name: "target",
                table: "prompt_versions");
        }
    }
}
