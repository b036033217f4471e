using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.Health;

namespace SoraPromptGenie.Data;

public static class DataRegistration
{
    public const string HealthCheckName = "database";

    /// <summary>
    /// Registers <see cref="AppDbContext"/> for the configured provider. The connection string is read when the
    /// context is first built, so tests override configuration, not registrations. No retrying execution strategy:
    /// with a 3 s connect timeout an outage answers 503 at once instead of hanging through retries.
    /// </summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName);

        var provider = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, options) =>
                options.UseNpgsql(ConnectionString(sp)));
        }
        else
        {
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, options) =>
                options.UseSqlite(ConnectionString(sp)));
        }

        // First hosted service: the schema is checked (or migrated) before anything else starts or listens.
        services.AddSingleton<DatabaseStartup>();
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<DatabaseStartup>()));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(HealthCheckName, tags: [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(5));
        services.AddDataProtection().SetApplicationName("SoraPromptGenie").PersistKeysToDbContext<AppDbContext>();
        DependencyOutages.Register(DatabaseFailures.Outage);
        return builder;
    }

    /// <summary>Begins the start-up schema check early, so it overlaps the rest of the host's start-up.</summary>
    public static WebApplication BeginDatabaseCheck(this WebApplication app)
    {
        app.Services.GetRequiredService<DatabaseStartup>().Begin();
        return app;
    }

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value
            .ConnectionString(services.GetRequiredService<IHostEnvironment>().ContentRootPath);

    /// <summary>The database settings (<see cref="ConfigurationCheck"/>).</summary>
    public static void CheckConfiguration(IConfiguration configuration, IHostEnvironment environment, ConfigurationProblems problems) =>
        DatabaseOptions.Validate(configuration, problems);
}
