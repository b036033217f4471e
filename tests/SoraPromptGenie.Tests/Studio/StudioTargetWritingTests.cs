using SoraPromptGenie.Ops;
using SoraPromptGenie.Studio;

namespace SoraPromptGenie.Tests.Studio;

/// <summary>Every AI action of the studio writes for the target chosen in its picker.</summary>
public sealed class StudioTargetWritingTests : StudioTestContext
{
    private const string Scene = "A red fox trots across a snowy country road at night";

    [Fact]
    public async Task EveryAiAction_ChosenTarget_IsWrittenForThatTarget()
    {
        Assert.True(Session.ChooseTarget("luma-ray-3.2"));
        Session.Edit(Scene);
        var golden = StudioCard.From(Catalog.FindEnhancement("lighting/golden-hour")!);

        await Session.AutoGenerateAsync(CancellationToken.None);
        await Session.StructureAsync(CancellationToken.None);
        await Session.ToggleCardAsync(golden, CancellationToken.None);
        await Session.ToggleCardAsync(golden, CancellationToken.None);
        await Session.ApplyPresetAsync(Catalog.Presets[0], CancellationToken.None);
        await Session.RefreshSuggestionsAsync("lighting", CancellationToken.None);

        Assert.Equal(6, Engine.Targets.Count);
        Assert.All(Engine.Targets, target => Assert.Equal("luma-ray-3.2", target));
    }

    [Fact]
    public async Task AutoGenerate_NoTargetChosen_IsWrittenForTheGenericTarget()
    {
        Session.Edit(Scene);

        await Session.AutoGenerateAsync(CancellationToken.None);

        Assert.Equal("generic", Assert.Single(Engine.Targets));
    }

    [Fact]
    public async Task Structure_TextOverTheTargetsLimit_FitsTheLimitAndSaysWhatWasLeftOut()
    {
        Assert.True(Session.ChooseTarget("runway-gen4.5"));
        var sentences = Enumerable.Range(1, 30).Select(i => $"The runner leaps gap number {i} between the wet rooftops.");
        Session.Edit(string.Join(' ', sentences));

        await Session.StructureAsync(CancellationToken.None);

        Assert.InRange(Session.Prompt.Length, 1, 1000);
        Assert.Equal(NoticeKind.Info, Session.Notice?.Kind);
        Assert.Contains("1,000 UTF-16 code units", Session.Notice?.Text, StringComparison.Ordinal);
    }
}
