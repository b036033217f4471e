using System.Globalization;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ops.Sentry;

/// <summary>Sentry error tracking; everything is off unless <see cref="Dsn"/> is set.</summary>
public sealed class ErrorTrackingOptions
{
    public const string SectionName = "Sentry";

    public string? Dsn { get; set; }

    /// <summary>Defaults to the host environment name (the one <c>/api/health</c> reports).</summary>
    public string? Environment { get; set; }

    /// <summary>Defaults to <c>sora-prompt-genie@{informational version}</c>, which carries the git commit.</summary>
    public string? Release { get; set; }

    /// <summary>Share of requests traced for performance; defaults to 0.1 in Production and 1.0 elsewhere.</summary>
    public double? TracesSampleRate { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Dsn);

    public double EffectiveTracesSampleRate(IHostEnvironment environment) =>
        TracesSampleRate ?? (environment.IsProduction() ? 0.1 : 1.0);

    public static void Validate(IConfiguration configuration, ConfigurationProblems problems)
    {
        var section = configuration.GetSection(SectionName);
        if (section["Dsn"] is { Length: > 0 } dsn
            && (!Uri.TryCreate(dsn, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.UserInfo)
                || uri.AbsolutePath.Trim('/').Length == 0))
        {
            // The DSN holds the project key: name the variable, never echo the value.
            problems.Add(EnvironmentAliases.VariableFor($"{SectionName}:Dsn"), "is not a Sentry DSN (https://<key>@<host>/<project id>).");
        }

        if (section["TracesSampleRate"] is { } rate
            && (!double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 1))
        {
            problems.Add(EnvironmentAliases.VariableFor($"{SectionName}:TracesSampleRate"), $"'{rate}' is not a number from 0 to 1.");
        }
    }
}
