using System.Security.Cryptography;
using System.Text;

namespace SoraPromptGenie.Ops.Security;

/// <summary>
/// Checks <c>Authorization: Bearer ADMIN_TOKEN</c>. Both sides are hashed with SHA-256 before a fixed-time
/// comparison, so neither the time taken nor an early exit on a length mismatch tells a caller how long the token is
/// or how much of it they got right. Only the hash is kept.
/// </summary>
public sealed class AdminToken
{
    private const string Scheme = "Bearer ";
    private readonly byte[] _hash;

    private AdminToken(string token) => _hash = Hash(token);

    /// <summary>The configured token, or null when none is set (admin access is then off).</summary>
    public static AdminToken? From(string? token) => string.IsNullOrEmpty(token) ? null : new AdminToken(token);

    public bool IsPresentedBy(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Hash(header[Scheme.Length..].Trim()), _hash);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
