using Microsoft.Playwright;

namespace SoraPromptGenie.BrowserTests.Infrastructure;

/// <summary>One app and one browser per collection; each test gets its own browser context.</summary>
public abstract class StudioFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public StudioApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        App = await StudioApp.StartAsync(Settings);
        (_playwright, Browser) = await Infrastructure.Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

/// <summary>The default setup: the LLM answers (fake upstream) and the offline engine stands in when it fails.</summary>
public sealed class DefaultStudioFixture : StudioFixture;

/// <summary>One AI call per endpoint per 15 minutes, to see the studio's rate-limit message.</summary>
public sealed class RateLimitedStudioFixture : StudioFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RATE_LIMIT_AI"] = "1/900" };
}

/// <summary>No offline fallback, so an upstream failure reaches the person as an error message.</summary>
public sealed class NoFallbackStudioFixture : StudioFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["LLM_FALLBACK_TO_OFFLINE"] = "false" };
}

/// <summary>The offline engine answers everything, so card merges follow its labelled-clause rules exactly.</summary>
public sealed class OfflineStudioFixture : StudioFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["LLM_MODE"] = "offline" };
}

/// <summary>At most two open studio circuits per client address, to see the third one refused.</summary>
public sealed class CircuitCapStudioFixture : StudioFixture
{
    public const int Cap = 2;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Studio:MaxCircuitsPerClient"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

[CollectionDefinition(Name)]
public sealed class StudioGroup : ICollectionFixture<DefaultStudioFixture>
{
    public const string Name = "studio";
}

[CollectionDefinition(Name)]
public sealed class RateLimitedGroup : ICollectionFixture<RateLimitedStudioFixture>
{
    public const string Name = "studio-rate-limited";
}

[CollectionDefinition(Name)]
public sealed class NoFallbackGroup : ICollectionFixture<NoFallbackStudioFixture>
{
    public const string Name = "studio-no-fallback";
}

[CollectionDefinition(Name)]
public sealed class OfflineGroup : ICollectionFixture<OfflineStudioFixture>
{
    public const string Name = "studio-offline";
}

[CollectionDefinition(Name)]
public sealed class CircuitCapGroup : ICollectionFixture<CircuitCapStudioFixture>
{
    public const string Name = "studio-circuit-cap";
}
