namespace SoraPromptGenie.Tests.Infrastructure;

/// <summary>A named set of app settings for <see cref="AppFactory{TSettings}"/>.</summary>
public interface IAppSettings
{
    /// <summary>By the operator's variable names or configuration keys; a null value leaves the key unset.</summary>
    static abstract IReadOnlyDictionary<string, string?> Values { get; }

    static virtual string Environment => AppSettings.Production;
}

public static class AppSettings
{
    public const string Production = "Production";

    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>();

    /// <summary>Copies <paramref name="overrides"/> onto <paramref name="settings"/>; a null value removes the key.</summary>
    public static void Apply(IReadOnlyDictionary<string, string?> overrides, IDictionary<string, string?> settings)
    {
        foreach (var (key, value) in overrides)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }
    }
}
