using System.ComponentModel.DataAnnotations;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ops.Sentry;

/// <summary>Sentry error tracking; everything is off unless <see cref="Dsn"/> is set.</summary>
public sealed class ErrorTrackingOptions
{
    public const string SectionName = "Sentry";

    [SentryDsn]
    public string? Dsn { get; set; }

    /// <summary>Defaults to the host environment name (the one <c>/api/health</c> reports).</summary>
    public string? Environment { get; set; }

    /// <summary>Defaults to <c>sora-prompt-genie@{informational version}</c>, which carries the git commit.</summary>
    public string? Release { get; set; }

    /// <summary>Share of requests traced for performance; defaults to 0.1 in Production and 1.0 elsewhere.</summary>
    [Number(0, 1)]
    public double? TracesSampleRate { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Dsn);

    public double EffectiveTracesSampleRate(IHostEnvironment environment) =>
        TracesSampleRate ?? (environment.IsProduction() ? 0.1 : 1.0);
}

/// <summary>
/// A Sentry DSN (<c>https://&lt;key&gt;@&lt;host&gt;/&lt;project id&gt;</c>) when set. The DSN holds the project key:
/// the message never quotes it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SentryDsnAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string { Length: > 0 } dsn || IsDsn(dsn)
            ? ValidationResult.Success
            : SettingFailure.Of(validationContext, "is not a Sentry DSN (https://<key>@<host>/<project id>).");

    private static bool IsDsn(string dsn) =>
        Uri.TryCreate(dsn, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.UserInfo)
        && uri.AbsolutePath.Trim('/').Length > 0;
}
