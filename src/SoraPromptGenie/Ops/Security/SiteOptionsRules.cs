using Microsoft.Extensions.Options;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Ops.Security;

/// <summary>Every entry of <c>ALLOWED_ORIGINS</c> and <c>TRUSTED_PROXIES</c>, one line for each that is wrong.</summary>
public sealed class SiteOptionsRules : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures =
        [
            .. SiteOptions.Split(options.AllowedOrigins).Where(o => !HttpUrlAttribute.IsHttpUrl(o))
                .Select(origin => $"ALLOWED_ORIGINS: '{origin}' is not an http or https origin."),
            .. SiteOptions.Split(options.TrustedProxies).Where(p => !SiteOptions.TryParseNetwork(p, out _))
                .Select(proxy => $"TRUSTED_PROXIES: '{proxy}' is not an IP address or CIDR range."),
        ];
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
