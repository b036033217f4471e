using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SoraPromptGenie.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build each context without the app's configuration. Migrations are generated from the
/// model, so the connection strings below are never opened by <c>migrations add</c>.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("DATABASE_URL") is { Length: > 0 } url
                ? DatabaseUrl.ToConnectionString(url)
                : "Host=localhost;Database=sora_prompt_genie_design")
            .Options);
}
