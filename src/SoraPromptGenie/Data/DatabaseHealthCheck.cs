using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace SoraPromptGenie.Data;

/// <summary>Readiness: the database answers a trivial query. The description names the provider, never the connection string.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db, IOptions<DatabaseOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provider = options.Value.Provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite";
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy($"{provider} reachable");
        }
        catch (Exception ex) when (DatabaseFailures.IsOutage(ex) || ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"{provider} unreachable ({ex.GetType().Name})");
        }
    }
}
