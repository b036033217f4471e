using System.Net;
using Npgsql;
using SoraPromptGenie.Library;
using SoraPromptGenie.Tests.Infrastructure;
using SoraPromptGenie.Tests.Library;

namespace SoraPromptGenie.Tests.Data;

/// <summary>
/// The backup and restore procedure of docs/database.md, run for real: pg_dump the library, restore it with psql into
/// an empty database, start the app on the copy in Production (no migration at start) and find everything again.
/// </summary>
public sealed class BackupRestoreTests(PostgresAppFactory factory) : IClassFixture<PostgresAppFactory>
{
    private const string PgBin = "/usr/lib/postgresql/15/bin";

    [Fact]
    public async Task PgDumpThenPsqlRestore_IntoEmptyDatabase_AppServesEveryPromptAndVersion()
    {
        var client = factory.CreateClient();
        var workspace = await client.CreateWorkspaceAsync();
        var prompt = await client.CreatePromptAsync(workspace.Key, "Backed up", "Version one");
        using (await client.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new { title = "Backed up", text = "Version two" }, "\"1\""))
        {
        }

        var source = (PostgresTestDatabase)factory.Database;
        await using var restored = await PostgresTestDatabase.CreateAsync();
        var dump = Path.Combine(Path.GetTempPath(), $"spg-backup-{Guid.NewGuid():N}.sql");
        var environment = new Dictionary<string, string?> { ["PGPASSWORD"] = source.Server.Password };
        try
        {
            var backup = await HostProcess.RunAsync($"{PgBin}/pg_dump", [.. Connection(source.Server, source.Name), "--no-owner", "--format=plain", "--file", dump], environment, TimeSpan.FromSeconds(60));
            var restore = await HostProcess.RunAsync($"{PgBin}/psql", [.. Connection(source.Server, restored.Name), "--set", "ON_ERROR_STOP=1", "--quiet", "--file", dump], environment, TimeSpan.FromSeconds(60));
            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.True(restore.ExitCode == 0, restore.Error);

            var app = await SettingsAppFactory.StartAsync(new Dictionary<string, string?>
            {
                ["DATABASE_URL"] = restored.Url,
                ["Database:MigrateOnStartup"] = "false",
            });
            var restoredClient = app.CreateClient();
            using var got = await restoredClient.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}", workspace.Key);
            using var versions = await restoredClient.SendAsync(HttpMethod.Get, $"/api/prompts/{prompt.Id}/versions", workspace.Key);
            using var edit = await restoredClient.SendAsync(HttpMethod.Put, $"/api/prompts/{prompt.Id}", workspace.Key, new { title = "Backed up", text = "Version three" }, "\"2\"");

            Assert.Equal(HttpStatusCode.OK, got.StatusCode);
            Assert.Equal("Version two", (await got.ReadAsync<PromptResponse>()).Text);
            Assert.Equal(["Version two", "Version one"], (await versions.ReadAsync<VersionList>()).Items.Select(v => v.Text));
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
            await app.DisposeAsync();
        }
        finally
        {
            File.Delete(dump);
        }
    }

    private static string[] Connection(NpgsqlConnectionStringBuilder server, string database) =>
        ["--host", server.Host!, "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", server.Username!, "--dbname", database];
}
