using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.Health;

namespace SoraPromptGenie.Data;

public static class DataRegistration
{
    public const string HealthCheckName = "database";

    /// <summary>
    /// Registers <see cref="AppDbContext"/> as the context of the configured provider, chosen when a context is first
    /// asked for, so the choice and the connection string come from the same checked <see cref="DatabaseOptions"/>. No
    /// retrying execution strategy: with a 3 s connect timeout an outage answers 503 at once instead of hanging through
    /// retries.
    /// </summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<DatabaseOptions>(DatabaseOptions.SectionName);
        services.AddDbContext<PostgresAppDbContext>((sp, options) => options.UseNpgsql(ConnectionString(sp)));
        services.AddDbContext<SqliteAppDbContext>((sp, options) => options.UseSqlite(ConnectionString(sp)));
        services.AddScoped<AppDbContext>(sp => Settings(sp).Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresAppDbContext>()
            : sp.GetRequiredService<SqliteAppDbContext>());

        // First hosted service: the schema is checked (or migrated) before anything else starts or listens.
        services.AddSingleton<DatabaseStartup>();
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<DatabaseStartup>()));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(HealthCheckName, tags: [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(5));
        services.AddDataProtection().SetApplicationName("SoraPromptGenie").PersistKeysToDbContext<AppDbContext>();
        services.AddSingleton(DatabaseFailures.Outage);
        return builder;
    }

    /// <summary>Begins the start-up schema check early, so it overlaps the rest of the host's start-up.</summary>
    public static WebApplication BeginDatabaseCheck(this WebApplication app)
    {
        app.Services.GetRequiredService<DatabaseStartup>().Begin();
        return app;
    }

    private static DatabaseOptions Settings(IServiceProvider services) => services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

    private static string ConnectionString(IServiceProvider services) =>
        Settings(services).ConnectionString(services.GetRequiredService<IHostEnvironment>().ContentRootPath);
}
