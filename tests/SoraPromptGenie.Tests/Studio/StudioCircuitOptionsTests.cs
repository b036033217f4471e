using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Studio;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Studio;

public sealed class StudioCircuitOptionsTests
{
    [Fact]
    public async Task Host_StudioSettings_BoundTheCircuitsMemory()
    {
        await using var app = await SettingsAppFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Studio:DisconnectedCircuitMaxRetained"] = "7",
            ["Studio:DisconnectedCircuitRetentionSeconds"] = "42",
            ["Studio:MaxCircuitsPerClient"] = "3",
        });

        var circuits = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(7, circuits.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromSeconds(42), circuits.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(3, app.Services.GetRequiredService<ClientCircuits>().Limit);
    }

    [Fact]
    public async Task Host_Defaults_RetainFewerDisconnectedCircuitsForLessTimeThanTheFramework()
    {
        await using var app = await SettingsAppFactory.StartAsync(new Dictionary<string, string?>());

        var circuits = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(50, circuits.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromSeconds(60), circuits.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(10, app.Services.GetRequiredService<ClientCircuits>().Limit);
    }
}
