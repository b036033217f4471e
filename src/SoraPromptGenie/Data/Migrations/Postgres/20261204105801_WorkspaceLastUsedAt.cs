using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoraPromptGenie.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkspaceLastUsedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "last_used_at",
                table: "workspaces",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Existing workspaces count as used at the upgrade, so the expiry of empty ones starts a full period later.
            migrationBuilder.Sql("UPDATE workspaces SET last_used_at = now();");

            migrationBuilder.CreateIndex(
                name: "ix_workspaces_last_used_at",
                table: "workspaces",
                column: "last_used_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workspaces_last_used_at",
                table: "workspaces");

            migrationBuilder.DropColumn(
                name: "last_used_at",
                table: "workspaces");
        }
    }
}
