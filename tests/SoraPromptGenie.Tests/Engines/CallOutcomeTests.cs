using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Tests.Engines;

/// <summary>The names are stored in the usage ledger, logged and used as metric tags: they must never change.</summary>
public sealed class CallOutcomeTests
{
    public static TheoryData<CallOutcome, string> Names => new()
    {
        { CallOutcome.Ok, "ok" },
        { CallOutcome.Fallback, "fallback" },
        { CallOutcome.Cancelled, "cancelled" },
        { CallOutcome.Error, "error" },
        { CallOutcome.AuthFailed, "auth_failed" },
        { CallOutcome.Unavailable, "unavailable" },
        { CallOutcome.Timeout, "timeout" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Name_EveryOutcome_IsTheStoredNameAndReadsBack(CallOutcome outcome, string name)
    {
        Assert.Equal(name, outcome.Name());
        Assert.Equal(outcome, CallOutcomes.FromName(name));
    }

    [Fact]
    public void Names_CoverEveryOutcome() =>
        Assert.Equal(Enum.GetValues<CallOutcome>().Order(), Names.Select(row => (CallOutcome)row[0]).Order());

    [Theory]
    [InlineData("upstream_error")]
    [InlineData("OK")]
    [InlineData(null)]
    public void FromName_UnknownName_IsNull(string? name) => Assert.Null(CallOutcomes.FromName(name));

    [Theory]
    [InlineData("offline", EngineKind.Offline)]
    [InlineData("openrouter:google/gemini-2.5-flash-lite", EngineKind.Llm)]
    [InlineData("127.0.0.1:test/primary-model", EngineKind.Llm)]
    public void KindOf_EngineLabel_IsItsKind(string label, EngineKind kind) => Assert.Equal(kind, EngineLabels.KindOf(label));
}
