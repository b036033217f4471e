using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.RateLimiting;
using SoraPromptGenie.Studio;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Studio;

public sealed class ClientCircuitsTests
{
    private readonly ClientCircuits _circuits = new(
        Options.Create(new StudioOptions { MaxCircuitsPerClient = 2 }),
        Options.Create(new RateLimitingOptions()),
        NullLogger<ClientCircuits>.Instance);

    [Fact]
    public void Admit_OverTheCapForOneClient_IsRefusedWhileOtherClientsAreNot()
    {
        var first = new CircuitAdmission(_circuits);
        var second = new CircuitAdmission(_circuits);
        var third = new CircuitAdmission(_circuits);

        var admitted = (first.Admit("203.0.113.7"), second.Admit("203.0.113.7"), third.Admit("203.0.113.7"));

        Assert.Equal((true, true, false), admitted);
        Assert.True(new CircuitAdmission(_circuits).Admit("198.51.100.1"));
        Assert.Equal(2, _circuits.OpenFor("203.0.113.7"));
    }

    [Fact]
    public void Admit_AddressesOfOneIpv6Network_ShareOneCap()
    {
        var admitted = (
            new CircuitAdmission(_circuits).Admit("2001:db8:1:2::1"),
            new CircuitAdmission(_circuits).Admit("2001:db8:1:2::2"),
            new CircuitAdmission(_circuits).Admit("2001:db8:1:2:ffff::3"));

        Assert.Equal((true, true, false), admitted);
        Assert.True(new CircuitAdmission(_circuits).Admit("2001:db8:1:3::1"));
        Assert.True(new CircuitAdmission(_circuits).Admit("::ffff:203.0.113.9"));
        Assert.Equal(1, _circuits.OpenFor("203.0.113.9"));
    }

    [Fact]
    public async Task CircuitClosed_AdmittedCircuit_FreesItsPlaceOnce()
    {
        var first = new CircuitAdmission(_circuits);
        first.Admit("203.0.113.7");
        new CircuitAdmission(_circuits).Admit("203.0.113.7");

        await first.OnCircuitClosedAsync(null!, CancellationToken.None);
        first.Dispose();

        Assert.Equal(1, _circuits.OpenFor("203.0.113.7"));
        Assert.True(new CircuitAdmission(_circuits).Admit("203.0.113.7"));
    }

    [Fact]
    public void Dispose_RefusedCircuit_FreesNothing()
    {
        new CircuitAdmission(_circuits).Admit("203.0.113.7");
        new CircuitAdmission(_circuits).Admit("203.0.113.7");
        var refused = new CircuitAdmission(_circuits);
        refused.Admit("203.0.113.7");

        refused.Dispose();

        Assert.Equal(2, _circuits.OpenFor("203.0.113.7"));
    }

    [Fact]
    public void Admit_SameCircuitAgain_CountsOnce()
    {
        var admission = new CircuitAdmission(_circuits);

        admission.Admit("203.0.113.7");
        admission.Admit("203.0.113.7");

        Assert.Equal(1, _circuits.OpenFor("203.0.113.7"));
    }

    [Theory]
    [InlineData("Studio:MaxCircuitsPerClient", "0")]
    [InlineData("Studio:MaxCircuitsPerClient", "many")]
    [InlineData("Studio:DisconnectedCircuitMaxRetained", "-1")]
    [InlineData("Studio:DisconnectedCircuitRetentionSeconds", "0")]
    [InlineData("Studio:DisconnectedCircuitRetentionSeconds", "1.5")]
    public void Validate_BadValue_OneLineNamingTheKey(string key, string value)
    {
        var problems = Validate([new(key, value)]);

        Assert.StartsWith(key + ": ", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GoodValues_NoProblems()
    {
        var problems = Validate(
        [
            new("Studio:MaxCircuitsPerClient", "5"),
            new("Studio:DisconnectedCircuitMaxRetained", "0"),
            new("Studio:DisconnectedCircuitRetentionSeconds", "30"),
        ]);

        Assert.Empty(problems);
    }

    private static IReadOnlyList<string> Validate(KeyValuePair<string, string?>[] settings) =>
        OptionsCheck.Problems(settings, services => services.AddCheckedOptions<StudioOptions>(StudioOptions.SectionName));
}
