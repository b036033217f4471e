using System.ComponentModel.DataAnnotations;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the data lives. <c>DATABASE_URL</c> (<c>Database:Url</c>) selects PostgreSQL; without it the app uses the
/// embedded SQLite file <c>data/sora-prompt-genie.db</c> under the content root.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string DefaultSqlitePath = "data/sora-prompt-genie.db";

    [DatabaseUrlText]
    public string? Url { get; set; }

    /// <summary>The SQLite file; relative paths are resolved against the content root.</summary>
    public string SqlitePath { get; set; } = DefaultSqlitePath;

    /// <summary>
    /// Apply pending migrations at start. Unset means: yes in Development and with SQLite, no with PostgreSQL in
    /// other environments, where <c>SoraPromptGenie migrate</c> is the explicit step.
    /// </summary>
    [UnreadableValueMessage("'{0}' is not true or false.")]
    public bool? MigrateOnStartup { get; set; }

    public DatabaseProvider Provider => string.IsNullOrWhiteSpace(Url) ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public bool ShouldMigrateOnStartup(IHostEnvironment environment) =>
        MigrateOnStartup ?? (environment.IsDevelopment() || Provider == DatabaseProvider.Sqlite);

    /// <summary>The provider's connection string; <paramref name="contentRoot"/> anchors a relative SQLite path.</summary>
    public string ConnectionString(string contentRoot) => Provider switch
    {
        DatabaseProvider.Postgres => DatabaseUrl.ToConnectionString(Url!),
        _ => $"Data Source={Path.GetFullPath(SqlitePath, contentRoot)};Default Timeout=10",
    };
}

/// <summary>A <see cref="DatabaseUrl"/> when set; the message says what is wrong without quoting the password.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DatabaseUrlTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string { Length: > 0 } url)
        {
            return ValidationResult.Success;
        }

        try
        {
            DatabaseUrl.Parse(url);
            return ValidationResult.Success;
        }
        catch (FormatException ex)
        {
            return SettingFailure.Of(validationContext, ex.Message);
        }
    }
}
