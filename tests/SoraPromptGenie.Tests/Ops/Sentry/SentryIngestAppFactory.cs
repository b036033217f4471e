using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Sentry;

/// <summary>
/// The app with the settings <typeparamref name="TSettings"/> names and Sentry on, reporting to a
/// <see cref="FakeSentryIngest"/> of its own.
/// </summary>
public sealed class SentryIngestAppFactory<TSettings>() : AppFactory(TSettings.Values, TSettings.Environment)
    where TSettings : IAppSettings
{
    public FakeSentryIngest Ingest { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Ingest = await FakeSentryIngest.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();

        // The host binds the static SDK and its global hooks; later tests in this process must not carry them.
        SentrySdk.Close();
        await Ingest.DisposeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings) => settings["SENTRY_DSN"] = Ingest.Dsn;
}
