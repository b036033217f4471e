namespace SoraPromptGenie.Ops.RateLimiting;

/// <summary>
/// The client address of the person using this circuit, so the studio's AI actions count against the same per-client AI
/// limit as the JSON API. It is captured from the initial page request (where forwarded headers from trusted proxies have
/// been applied) and handed to the interactive root as a parameter: Blazor protects root component parameters with data
/// protection, so the browser cannot change it, whereas <c>IHttpContextAccessor</c> inside a circuit is not reliable.
/// </summary>
public sealed class CircuitClient
{
    public const string Unknown = "unknown";

    public string Address { get; private set; } = Unknown;

    public void Capture(string? address)
    {
        if (!string.IsNullOrWhiteSpace(address))
        {
            Address = address;
        }
    }
}
