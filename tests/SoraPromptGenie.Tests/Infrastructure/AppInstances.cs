namespace SoraPromptGenie.Tests.Infrastructure;

/// <summary>App instances a test starts itself, each with settings of its own, disposed together when the test ends.</summary>
public sealed class AppInstances
{
    private readonly List<SettingsAppFactory> _started = [];

    public async Task<SettingsAppFactory> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var instance = await SettingsAppFactory.StartAsync(settings);
        _started.Add(instance);
        return instance;
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _started)
        {
            await instance.DisposeAsync();
        }
    }
}
