using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace SoraPromptGenie.Library;

/// <summary>
/// Read-only share tokens of saved prompts and storyboards. A token is looked up by its hash; the token itself is kept
/// encrypted with the app's data-protection keys so its owner can copy the link again, which a hash alone cannot give back.
/// </summary>
public sealed class ShareTokens(IDataProtectionProvider protection)
{
    private const int TokenBytes = 24;

    /// <summary>Longer text is no token the library handed out; it is refused before it is hashed.</summary>
    public const int MaxLength = 128;

    private readonly IDataProtector _protector = protection.CreateProtector("SoraPromptGenie.Library.ShareToken");

    /// <summary>A fresh token, its hash (the lookup column) and its encrypted form (the copy-again column).</summary>
    public (string Token, byte[] Hash, string Protected) Create()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        return (token, Hash(token), _protector.Protect(token));
    }

    /// <summary>The token again; null when none was kept or the key that encrypted it is gone from the key ring.</summary>
    public string? Unprotect(string? kept)
    {
        if (kept is null)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(kept);
        }
        catch (CryptographicException)
        {
            // The link still works, but only a new one can be copied.
            return null;
        }
    }

    /// <summary>The hash to look <paramref name="token"/> up by; null for text that cannot be a token.</summary>
    public static byte[]? LookupHash(string? token) =>
        string.IsNullOrWhiteSpace(token) || token.Length > MaxLength ? null : Hash(token);

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
