using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoraPromptGenie.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ShareLinkMode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "share_pinned_version",
                table: "prompts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "share_token_protected",
                table: "prompts",
                type: "TEXT",
                maxLength: 512,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "share_pinned_version",
                table: "prompts");

            migrationBuilder.DropColumn(
                name: "share_token_protected",
                table: "prompts");
        }
    }
}
