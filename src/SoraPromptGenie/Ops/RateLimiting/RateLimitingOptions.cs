using System.ComponentModel.DataAnnotations;
using System.Globalization;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ops.RateLimiting;

/// <summary>A fixed-window rule: <see cref="Permits"/> requests per <see cref="Window"/>.</summary>
public sealed record RateLimitRule(int Permits, TimeSpan Window)
{
    /// <summary>Parses <c>permits/windowSeconds</c>, e.g. <c>100/900</c>.</summary>
    public static bool TryParse(string? value, out RateLimitRule rule)
    {
        rule = new RateLimitRule(0, TimeSpan.Zero);
        var parts = (value ?? string.Empty).Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var permits) && permits > 0
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 86_400)
        {
            rule = new RateLimitRule(permits, TimeSpan.FromSeconds(seconds));
            return true;
        }

        return false;
    }
}

/// <summary>
/// RATE_LIMIT_GENERAL and RATE_LIMIT_AI, as <c>permits/windowSeconds</c> per client (an IPv4 address or an IPv6 network,
/// see <see cref="ClientKey"/>).
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";
    public const int DefaultIpv6PrefixLength = 64;

    // Parsed on first use and kept: the limiter asks for the rules on every request.
    private RateLimitRule? _generalRule;
    private RateLimitRule? _aiRule;

    [RateLimitRuleText]
    public string General
    {
        get;
        set
        {
            field = value;
            _generalRule = null;
        }
    } = "100/900";

    [RateLimitRuleText]
    public string Ai
    {
        get;
        set
        {
            field = value;
            _aiRule = null;
        }
    } = "20/900";

    /// <summary>IPv6 clients are counted per network of this many leading bits (128: per address).</summary>
    [WholeNumber(1, 128, Noun = "a prefix length", Hint = "64 groups each /64")]
    public int Ipv6PrefixLength { get; set; } = DefaultIpv6PrefixLength;

    public RateLimitRule GeneralRule => _generalRule ??= Parse(General);

    public RateLimitRule AiRule => _aiRule ??= Parse(Ai);

    private static RateLimitRule Parse(string value) =>
        RateLimitRule.TryParse(value, out var rule) ? rule : throw new InvalidOperationException($"Invalid rate limit rule '{value}'.");
}

/// <summary>A <see cref="RateLimitRule"/> written <c>permits/windowSeconds</c>; the message quotes the value.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RateLimitRuleTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string text || RateLimitRule.TryParse(text, out _)
            ? ValidationResult.Success
            : SettingFailure.Of(validationContext, $"'{text}' is not permits/windowSeconds, e.g. 100/900.");
}
